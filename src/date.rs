//! French calendar dates: parsing `4 avril 2024`, `1er mars`, weekdays.

use std::fmt;

/// A calendar date; the year may be unknown (`4 avril`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: Option<i32>,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.day, MONTHS[usize::from(self.month - 1)])?;
        if let Some(y) = self.year {
            write!(f, " {y}")?;
        }
        Ok(())
    }
}

pub const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

pub const WEEKDAYS: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

/// The month (1-12) a folded word names.
pub fn month(folded: &str) -> Option<u8> {
    let i = match folded {
        "janvier" => 1,
        "fevrier" => 2,
        "mars" => 3,
        "avril" => 4,
        "mai" => 5,
        "juin" => 6,
        "juillet" => 7,
        "aout" => 8,
        "septembre" => 9,
        "octobre" => 10,
        "novembre" => 11,
        "decembre" => 12,
        _ => return None,
    };
    Some(i)
}

/// The weekday (0 = lundi) a folded word names.
pub fn weekday(folded: &str) -> Option<u8> {
    let i = match folded {
        "lundi" => 0,
        "mardi" => 1,
        "mercredi" => 2,
        "jeudi" => 3,
        "vendredi" => 4,
        "samedi" => 5,
        "dimanche" => 6,
        _ => return None,
    };
    Some(i)
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// A date, if the day exists (in a leap year when the year is unknown).
    pub fn new(year: Option<i32>, month: u8, day: u8) -> Option<Date> {
        let max = days_in_month(year.unwrap_or(2024), month);
        ((1..=12).contains(&month) && (1..=max).contains(&day)).then_some(Date { year, month, day })
    }

    /// The weekday (0 = lundi), when the year is known.
    pub fn weekday(&self) -> Option<u8> {
        let y = self.year?;
        // Days from 1970-01-01 (a Thursday), by Howard Hinnant's algorithm.
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(y) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        Some(((days + 3).rem_euclid(7)) as u8)
    }

    /// Parses an ISO 8601 date (`2024-04-04`, or the date part of a timestamp).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.get(..10)?;
        let mut parts = s.split('-');
        let y = parts.next()?.parse().ok()?;
        let m = parts.next()?.parse().ok()?;
        let d = parts.next()?.parse().ok()?;
        Date::new(Some(y), m, d)
    }
}

/// Parses a date from folded words: `[le] 4|1er avril [2024]`. Returns the
/// date and how many words it took.
pub fn parse_words(words: &[&str]) -> Option<(Date, usize)> {
    let mut i = 0;
    if words.first() == Some(&"le") {
        i += 1;
    }
    let day: u8 = match *words.get(i)? {
        "1er" => 1,
        w if w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()) => w.parse().ok()?,
        _ => return None,
    };
    let m = month(words.get(i + 1)?)?;
    let year = words
        .get(i + 2)
        .filter(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|w| w.parse::<i32>().ok());
    let used = i + 2 + usize::from(year.is_some());
    Some((Date::new(year, m, day)?, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays() {
        // 4 April 2024 was a Thursday; 1 January 2000 a Saturday; 29 February 2024 a Thursday.
        assert_eq!(Date::new(Some(2024), 4, 4).unwrap().weekday(), Some(3));
        assert_eq!(Date::new(Some(2000), 1, 1).unwrap().weekday(), Some(5));
        assert_eq!(Date::new(Some(2024), 2, 29).unwrap().weekday(), Some(3));
        assert_eq!(Date::new(Some(1970), 1, 1).unwrap().weekday(), Some(3));
        assert_eq!(Date::new(None, 4, 4).unwrap().weekday(), None);
    }

    #[test]
    fn parsing() {
        assert_eq!(
            parse_words(&["4", "avril", "2024", "x"]),
            Some((Date::new(Some(2024), 4, 4).unwrap(), 3))
        );
        assert_eq!(
            parse_words(&["le", "1er", "mars"]),
            Some((Date::new(None, 3, 1).unwrap(), 3))
        );
        assert_eq!(parse_words(&["31", "avril", "2024"]), None);
        assert_eq!(parse_words(&["avril", "2024"]), None);
        assert_eq!(Date::parse_iso("2024-04-04T10:00:00Z"), Date::new(Some(2024), 4, 4));
        assert_eq!(Date::parse_iso("2023-02-29"), None);
        assert_eq!(Date::new(Some(2024), 4, 4).unwrap().to_string(), "4 avril 2024");
    }
}
