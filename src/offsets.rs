//! Offset conversion at the edges: byte offsets (inside Rust) to UTF-16 code units (JavaScript strings, DOM
//! ranges) and to Unicode scalar values (the CLI, exports, Python, W3C TextPositionSelector), and back.
//!
//! All conversions of one document go through one [`OffsetTable`], built in a single pass over the text for
//! exactly the byte offsets that are needed, so converting every span of a megabyte article costs one scan.

/// The unit offsets are counted in when they leave Rust.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// UTF-8 bytes (Rust's own).
    Byte,
    /// UTF-16 code units (JavaScript).
    Utf16,
    /// Unicode scalar values (characters; Python string indices).
    Scalar,
}

/// Byte offsets of one text paired with their UTF-16 and scalar equivalents.
#[derive(Debug, Clone)]
pub struct OffsetTable {
    bytes: Vec<usize>,
    utf16: Vec<usize>,
    scalar: Vec<usize>,
}

impl OffsetTable {
    /// Builds the table for the given byte offsets of `text` (any order, duplicates allowed). Offsets past
    /// the end are clamped to the end; an offset inside a character counts as that character's start.
    pub fn new(text: &str, offsets: impl IntoIterator<Item = usize>) -> OffsetTable {
        let mut bytes: Vec<usize> = offsets.into_iter().map(|o| o.min(text.len())).collect();
        bytes.sort_unstable();
        bytes.dedup();
        let mut utf16 = Vec::with_capacity(bytes.len());
        let mut scalar = Vec::with_capacity(bytes.len());
        let (mut u, mut s) = (0usize, 0usize);
        let mut chars = text.char_indices().peekable();
        for &b in &bytes {
            while let Some(&(i, c)) = chars.peek() {
                if i >= b {
                    break;
                }
                // A character that starts before b and ends after b: b is inside it, count it as its start.
                if i + c.len_utf8() > b {
                    break;
                }
                u += c.len_utf16();
                s += 1;
                chars.next();
            }
            utf16.push(u);
            scalar.push(s);
        }
        OffsetTable { bytes, utf16, scalar }
    }

    /// Converts a byte offset that was given to [`OffsetTable::new`] into `unit`.
    ///
    /// # Panics
    /// Never: an offset that was not registered is converted by the nearest registered one below it, which
    /// is a bug in the caller that tests catch (debug builds assert).
    pub fn get(&self, byte: usize, unit: Unit) -> usize {
        let i = match self.bytes.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => {
                debug_assert!(false, "offset {byte} was not registered");
                i.saturating_sub(1)
            }
        };
        match unit {
            Unit::Byte => self.bytes.get(i).copied().unwrap_or(0),
            Unit::Utf16 => self.utf16.get(i).copied().unwrap_or(0),
            Unit::Scalar => self.scalar.get(i).copied().unwrap_or(0),
        }
    }
}

/// Converts an offset counted in `unit` back to a byte offset of `text` (clamped to the text; an offset in the
/// middle of a surrogate pair maps to the start of its character). Linear in the offset.
pub fn to_byte(text: &str, offset: usize, unit: Unit) -> usize {
    match unit {
        Unit::Byte => {
            let mut b = offset.min(text.len());
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            b
        }
        Unit::Utf16 | Unit::Scalar => {
            let mut n = 0usize;
            for (i, c) in text.char_indices() {
                let w = if unit == Unit::Utf16 { c.len_utf16() } else { 1 };
                if n + w > offset {
                    return i;
                }
                n += w;
            }
            text.len()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_arabic_and_astral() {
        // 'ب' is 2 bytes / 1 unit; '😀' is 4 bytes / 2 UTF-16 units / 1 scalar.
        let t = "ب😀ب";
        let tab = OffsetTable::new(t, [0, 2, 6, 8]);
        assert_eq!(tab.get(6, Unit::Utf16), 3);
        assert_eq!(tab.get(6, Unit::Scalar), 2);
        assert_eq!(tab.get(8, Unit::Utf16), 4);
        assert_eq!(tab.get(8, Unit::Scalar), 3);
        assert_eq!(to_byte(t, 3, Unit::Utf16), 6);
        assert_eq!(to_byte(t, 2, Unit::Scalar), 6);
        // Inside the surrogate pair: the start of the emoji.
        assert_eq!(to_byte(t, 2, Unit::Utf16), 2);
    }

    #[test]
    fn clamps_past_the_end() {
        let tab = OffsetTable::new("ab", [10]);
        assert_eq!(tab.get(2, Unit::Scalar), 2);
        assert_eq!(to_byte("ab", 10, Unit::Scalar), 2);
    }
}
