//! Findings: plain data with a byte range, a rule and a confidence.

use std::fmt;
use std::str::FromStr;

/// How serious a finding is. Ordered: `Minor < Major < Critical`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Minor,
    Major,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Minor, Severity::Major, Severity::Critical];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Major => "major",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Severity::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| format!("unknown severity `{s}` (expected minor, major or critical)"))
    }
}

/// The closed list of categories of the findings contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    Name,
    Consistency,
    Dateline,
    Title,
    Idiom,
    FalseFriend,
    Transliteration,
    Untranslated,
    NumberFormat,
    Typography,
    Grammar,
}

impl Category {
    pub const ALL: [Category; 11] = [
        Category::Name,
        Category::Consistency,
        Category::Dateline,
        Category::Title,
        Category::Idiom,
        Category::FalseFriend,
        Category::Transliteration,
        Category::Untranslated,
        Category::NumberFormat,
        Category::Typography,
        Category::Grammar,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Name => "name",
            Category::Consistency => "consistency",
            Category::Dateline => "dateline",
            Category::Title => "title",
            Category::Idiom => "idiom",
            Category::FalseFriend => "false-friend",
            Category::Transliteration => "transliteration",
            Category::Untranslated => "untranslated",
            Category::NumberFormat => "number-format",
            Category::Typography => "typography",
            Category::Grammar => "grammar",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Category {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Category::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| format!("unknown category `{s}`"))
    }
}

/// A confidence in hundredths (0..=100): printed with two decimals, compared
/// exactly, so output does not depend on float formatting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Confidence(u8);

impl Confidence {
    pub const CERTAIN: Confidence = Confidence(100);

    /// Rounds `x` (clamped to 0..=1) to two decimals.
    pub fn new(x: f64) -> Confidence {
        Confidence((x.clamp(0.0, 1.0) * 100.0).round() as u8)
    }
    pub fn from_percent(p: u8) -> Confidence {
        Confidence(p.min(100))
    }
    pub fn percent(self) -> u8 {
        self.0
    }
    pub fn value(self) -> f64 {
        f64::from(self.0) / 100.0
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

/// Index of a rule in the checker's [`crate::rules::RuleSet`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RuleId(pub u16);

/// What a check reports: a rule, a byte range of the document text, and what to
/// tell the editor. Category and severity come from the rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub rule: RuleId,
    pub start: usize,
    pub end: usize,
    pub confidence: Confidence,
    pub suggestion: String,
    pub message: String,
}

/// A finding as reported: with the severity in force and its penalty.
#[derive(Clone, Debug, PartialEq)]
pub struct Reported {
    pub finding: Finding,
    pub severity: Severity,
    pub category: Category,
    /// weight(severity) × confidence.
    pub penalty: f64,
    /// A baseline holds it: it does not count for the score or the gates.
    pub baselined: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidence_prints_two_decimals() {
        assert_eq!(Confidence::new(1.0).to_string(), "1.00");
        assert_eq!(Confidence::new(0.456).to_string(), "0.46");
        assert_eq!(Confidence::new(0.05).to_string(), "0.05");
        assert_eq!(Confidence::new(7.0), Confidence::CERTAIN);
    }

    #[test]
    fn names_round_trip() {
        for c in Category::ALL {
            assert_eq!(c.as_str().parse::<Category>().unwrap(), c);
        }
        for s in Severity::ALL {
            assert_eq!(s.as_str().parse::<Severity>().unwrap(), s);
        }
        assert!(Severity::Critical > Severity::Major && Severity::Major > Severity::Minor);
    }
}
