//! Byte offsets to lines and columns, for reporters.

/// Line starts of a text. Lines are separated by LF; a CR right before the LF
/// belongs to the break. Lines and columns are 1-based; a column counts Unicode
/// scalar values from the start of the line.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, starts }
    }

    /// `(line, column)` of byte `offset`, which must be a char boundary.
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = self.text[start..offset].chars().count() + 1;
        (line, column)
    }

    /// The text of line `line` (1-based), without its break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(self.text.len(), |&s| s - 1);
        self.text[start..end]
            .strip_suffix('\r')
            .unwrap_or(&self.text[start..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_char_columns() {
        let t = "ab\r\nçé x\n\nz";
        let li = LineIndex::new(t);
        assert_eq!(li.locate(0), (1, 1));
        assert_eq!(li.locate(1), (1, 2));
        assert_eq!(li.locate(4), (2, 1));
        assert_eq!(li.locate(t.find('x').unwrap()), (2, 4));
        assert_eq!(li.locate(t.len() - 1), (4, 1));
        assert_eq!(li.locate(t.len()), (4, 2));
        assert_eq!(li.line_text(1), "ab");
        assert_eq!(li.line_text(2), "çé x");
        assert_eq!(li.line_text(3), "");
    }
}
