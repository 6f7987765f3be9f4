//! Where a response came from: a paper form typed in, a kiosk, or the respondent's
//! own device. It says nothing of when or by whom.

use std::fmt;
use std::str::FromStr;

use crate::Message;

/// How a response was collected. A response without one is of unknown origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ResponseChannel {
    /// A paper form, typed in by an operator.
    Paper,
    /// The organiser's kiosk.
    Kiosk,
    /// Self-completion on the respondent's own device.
    SelfCompletion,
}

impl ResponseChannel {
    /// Every channel, in the order of their codes (1, 2, 3).
    pub const ALL: [ResponseChannel; 3] = [
        ResponseChannel::Paper,
        ResponseChannel::Kiosk,
        ResponseChannel::SelfCompletion,
    ];

    /// The value as written in a response file: `paper`, `kiosk` or `self`.
    pub fn as_str(self) -> &'static str {
        match self {
            ResponseChannel::Paper => "paper",
            ResponseChannel::Kiosk => "kiosk",
            ResponseChannel::SelfCompletion => "self",
        }
    }

    /// The stored code: 1 paper, 2 kiosk, 3 self (0 is unknown).
    pub fn code(self) -> u8 {
        match self {
            ResponseChannel::Paper => 1,
            ResponseChannel::Kiosk => 2,
            ResponseChannel::SelfCompletion => 3,
        }
    }

    /// The channel of a stored code; `None` for 0 (unknown) or any other code.
    pub fn from_code(code: u8) -> Option<ResponseChannel> {
        ResponseChannel::ALL
            .get(usize::from(code).checked_sub(1)?)
            .copied()
    }

    /// The problem with a value that is not a channel (`value` as it should be quoted).
    pub(crate) fn invalid(value: String) -> Message {
        Message::new("channel-invalid").with("value", value)
    }
}

impl fmt::Display for ResponseChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for ResponseChannel {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for ResponseChannel {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse()
            .map_err(|_| serde::de::Error::custom(format!("{s:?} is not paper, kiosk or self")))
    }
}

impl FromStr for ResponseChannel {
    type Err = Message;
    fn from_str(s: &str) -> Result<Self, Message> {
        ResponseChannel::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| ResponseChannel::invalid(format!("{s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::ResponseChannel;

    #[test]
    fn every_channel_reads_back_from_its_value_and_its_code() {
        for c in ResponseChannel::ALL {
            assert_eq!(c.as_str().parse::<ResponseChannel>(), Ok(c));
            assert_eq!(ResponseChannel::from_code(c.code()), Some(c));
        }
        assert_eq!(ResponseChannel::from_code(0), None);
        assert_eq!(ResponseChannel::from_code(4), None);
        for bad in ["", "Paper", "web", " self", "kiosk "] {
            assert!(bad.parse::<ResponseChannel>().is_err(), "{bad:?}");
        }
    }
}
