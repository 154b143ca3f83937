//! Byte offsets to lines and columns, for reporters.

/// Line starts of a text. Lines are separated by LF; a CR right before the LF
/// belongs to the break. Lines and columns are 1-based; a column counts Unicode
/// scalar values from the start of the line.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The last answer of `locate` (offset, line, column): the next offset on
    /// the same line counts its characters from there, so locating findings
    /// in text order costs the length of the text, not findings × line length.
    last: std::cell::Cell<(usize, usize, usize)>,
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
        LineIndex {
            text,
            starts,
            last: std::cell::Cell::new((0, 1, 1)),
        }
    }

    /// `(line, column)` of byte `offset`, which must be a char boundary.
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let (last_offset, last_line, last_column) = self.last.get();
        let column = if last_line == line && last_offset <= offset {
            last_column + self.text[last_offset..offset].chars().count()
        } else {
            self.text[start..offset].chars().count() + 1
        };
        self.last.set((offset, line, column));
        (line, column)
    }

    /// The byte offset where line `line` (1-based) starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line - 1]
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
        // Out of order, back and forth on one line: the same answers.
        let t = "é".repeat(50);
        let li = LineIndex::new(&t);
        for k in [10, 40, 20, 20, 0, 50, 30] {
            assert_eq!(li.locate(2 * k), (1, k + 1));
        }
    }
}
