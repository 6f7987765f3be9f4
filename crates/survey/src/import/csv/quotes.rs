//! Where the quoted fields of a CSV file open and close, and so where its records end.

/// The 1-based line of a quote that opens a field and is never closed, if any.
///
/// Follows the csv crate's (RFC 4180) quoting: a `"` opens a quoted field only at the
/// start of a field; inside, `""` is a literal quote and a lone `"` closes the field.
pub(crate) fn unclosed_quote(bytes: &[u8]) -> Option<u64> {
    if !bytes.contains(&b'"') {
        return None;
    }
    let (mut line, mut opened_on) = (1u64, 1u64);
    let (mut quoted, mut field_start) = (false, true);
    let mut it = bytes.iter().peekable();
    while let Some(&c) = it.next() {
        if c == b'\n' {
            line += 1;
        }
        if quoted {
            if c == b'"' {
                if it.peek() == Some(&&b'"') {
                    it.next();
                } else {
                    quoted = false;
                }
            }
        } else if c == b'"' && field_start {
            quoted = true;
            opened_on = line;
        }
        field_start = !quoted && matches!(c, b',' | b'\n' | b'\r');
    }
    quoted.then_some(opened_on)
}

/// The end of the first (`first`) or the last complete record of `bytes`, which start
/// at a record.
pub(crate) fn records_end(bytes: &[u8], first: bool) -> Option<usize> {
    if !bytes.contains(&b'"') {
        let at = if first {
            memchr::memchr(b'\n', bytes)
        } else {
            memchr::memrchr(b'\n', bytes)
        };
        return at.map(|i| i + 1);
    }
    let mut ends = RecordEnds::new(bytes);
    if first {
        ends.next()
    } else {
        ends.last()
    }
}

/// The ends of the records of `bytes`, which start at a record: the byte after each
/// line break outside quotes (the quoting of [`unclosed_quote`]). A quote that ends
/// `bytes` inside a quoted field ends the search: a `"` may yet follow it.
pub(crate) struct RecordEnds<'b> {
    bytes: &'b [u8],
    i: usize,
    quoted: bool,
    field_start: bool,
}

impl<'b> RecordEnds<'b> {
    pub(crate) fn new(bytes: &'b [u8]) -> Self {
        RecordEnds {
            bytes,
            i: 0,
            quoted: false,
            field_start: true,
        }
    }
}

impl Iterator for RecordEnds<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let bytes = self.bytes;
        while self.i < bytes.len() {
            let c = bytes[self.i];
            let mut end = None;
            if self.quoted {
                if c == b'"' {
                    if bytes.get(self.i + 1) == Some(&b'"') {
                        self.i += 1;
                    } else if self.i + 1 == bytes.len() {
                        self.i = bytes.len();
                        return None;
                    } else {
                        self.quoted = false;
                    }
                }
            } else if c == b'"' && self.field_start {
                self.quoted = true;
            } else if c == b'\n' {
                end = Some(self.i + 1);
            }
            self.field_start = !self.quoted && matches!(c, b',' | b'\n' | b'\r');
            self.i += 1;
            if end.is_some() {
                return end;
            }
        }
        None
    }
}
