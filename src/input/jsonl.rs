//! JSONL feeds: one article a line, `{"id": …, "title": …, "text": …}`.
//!
//! `text` is required; `id`, `title`, `date` (ISO 8601), `url`,
//! `source_lang` and `outlet` are optional; other fields are carried through
//! to the `json` report. The document text is the title, a blank line and the
//! text (DESIGN.md), so offsets count from the start of the title.

use serde_json::{Map, Value};

use crate::date::Date;

/// One article of a JSONL feed.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// The `id` as a string (a number or other JSON value as its JSON text).
    pub id: Option<String>,
    /// `title + "\n\n" + text`, or `text` without a title.
    pub text: String,
    /// The publication date, from `date`.
    pub date: Option<Date>,
    /// Every field but `text`, in the record's order.
    pub fields: Map<String, Value>,
}

/// Parses one line of a JSONL feed. The error says what is wrong, without
/// the file and line (the caller knows them).
pub fn parse_record(line: &str) -> Result<Record, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(mut fields) = value else {
        return Err(format!("a record is a JSON object, not {}", kind(&value)));
    };
    let text = match fields.shift_remove("text") {
        Some(Value::String(s)) => s,
        Some(other) => return Err(format!("`text` is {}, not a string", kind(&other))),
        None => return Err("no `text` field".into()),
    };
    let title = match fields.get("title") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.trim()).filter(|t| !t.is_empty()),
        Some(other) => return Err(format!("`title` is {}, not a string", kind(other))),
    };
    let text = match title {
        Some(t) => format!("{t}\n\n{text}"),
        None => text,
    };
    let id = match fields.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => Some(other.to_string()),
    };
    let date = fields.get("date").and_then(Value::as_str).and_then(Date::parse_iso);
    Ok(Record { id, text, date, fields })
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_text_make_the_document_and_other_fields_are_kept() {
        let r = parse_record(
            r#"{"id":"a1","title":" Sommet à Vilnius ","date":"2023-07-11T08:00:00Z","text":"Les dirigeants…","src":"x"}"#,
        )
        .unwrap();
        assert_eq!(r.id.as_deref(), Some("a1"));
        assert_eq!(r.text, "Sommet à Vilnius\n\nLes dirigeants…");
        assert_eq!(r.date, Date::new(Some(2023), 7, 11));
        assert_eq!(
            r.fields.keys().collect::<Vec<_>>(),
            ["id", "title", "date", "src"],
            "every field but text, in order"
        );
        let r = parse_record(r#"{"text":"Sans titre.","id":42}"#).unwrap();
        assert_eq!((r.id.as_deref(), r.text.as_str()), (Some("42"), "Sans titre."));
        let r = parse_record(r#"{"text":"x","id":{"n":1},"title":null}"#).unwrap();
        assert_eq!(r.id.as_deref(), Some(r#"{"n":1}"#));
        assert_eq!(r.text, "x");
    }

    #[test]
    fn bad_records_say_what_is_wrong() {
        assert!(parse_record("{\"text\": ").unwrap_err().starts_with("invalid JSON: "));
        assert_eq!(
            parse_record("[1]").unwrap_err(),
            "a record is a JSON object, not an array"
        );
        assert_eq!(parse_record(r#"{"id":"x"}"#).unwrap_err(), "no `text` field");
        assert_eq!(
            parse_record(r#"{"text":3}"#).unwrap_err(),
            "`text` is a number, not a string"
        );
        assert_eq!(
            parse_record(r#"{"text":"x","title":["a"]}"#).unwrap_err(),
            "`title` is an array, not a string"
        );
    }
}
