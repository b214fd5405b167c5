//! Small value types that check themselves while they are deserialized, so a bad value is
//! reported at its own line and column by the TOML deserializer.

use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize, Serializer};

/// Years outside this range are taken for typing mistakes.
pub(crate) const SANE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// A calendar day, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct Date(pub NaiveDate);

impl TryFrom<String> for Date {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        match PartialDate::parse(&text)? {
            PartialDate::Day(day) => Ok(Date(day)),
            _ => Err(format!("invalid date \"{text}\": expected YYYY-MM-DD")),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A date known to the year, the month or the day: an event that the sources date only to
/// a year must not pretend to have a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "String")]
pub enum PartialDate {
    Year(i32),
    Month(i32, u32),
    Day(NaiveDate),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Precision {
    Year,
    Month,
    Day,
}

impl PartialDate {
    pub(crate) fn parse(text: &str) -> Result<Self, String> {
        let invalid = || format!("invalid date \"{text}\": expected YYYY, YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = text.split('-').collect();
        let number = |part: &str, len: usize| -> Option<u32> {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        };
        let year = parts
            .first()
            .and_then(|p| number(p, 4))
            .ok_or_else(invalid)? as i32;
        if !SANE_YEARS.contains(&year) {
            return Err(format!(
                "invalid date \"{text}\": year {year} is outside {}–{}",
                SANE_YEARS.start(),
                SANE_YEARS.end()
            ));
        }
        let date = match parts.as_slice() {
            [_] => PartialDate::Year(year),
            [_, month] => {
                let month = number(month, 2).filter(|m| (1..=12).contains(m));
                PartialDate::Month(year, month.ok_or_else(invalid)?)
            }
            [_, month, day] => {
                let (month, day) = number(month, 2).zip(number(day, 2)).ok_or_else(invalid)?;
                let day = NaiveDate::from_ymd_opt(year, month, day)
                    .ok_or_else(|| format!("invalid date \"{text}\": no such day"))?;
                PartialDate::Day(day)
            }
            _ => return Err(invalid()),
        };
        Ok(date)
    }

    pub(crate) fn precision(&self) -> Precision {
        match self {
            PartialDate::Year(_) => Precision::Year,
            PartialDate::Month(..) => Precision::Month,
            PartialDate::Day(_) => Precision::Day,
        }
    }

    pub(crate) fn year(&self) -> i32 {
        match *self {
            PartialDate::Year(y) | PartialDate::Month(y, _) => y,
            PartialDate::Day(d) => d.year(),
        }
    }

    /// The first day the date could stand for, for ordering events of mixed precision.
    pub(crate) fn first_day(&self) -> NaiveDate {
        let first = match *self {
            PartialDate::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            PartialDate::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            PartialDate::Day(d) => Some(d),
        };
        first.unwrap_or(NaiveDate::MIN)
    }

    /// The last day the date could stand for: 31 December of a year, a month's last day.
    pub(crate) fn last_day(&self) -> NaiveDate {
        let next = match *self {
            PartialDate::Year(y) => NaiveDate::from_ymd_opt(y + 1, 1, 1),
            PartialDate::Month(y, 12) => NaiveDate::from_ymd_opt(y + 1, 1, 1),
            PartialDate::Month(y, m) => NaiveDate::from_ymd_opt(y, m + 1, 1),
            PartialDate::Day(d) => return d,
        };
        next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
    }
}

impl TryFrom<String> for PartialDate {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        PartialDate::parse(&text)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            PartialDate::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A clock time, written `HH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(try_from = "String")]
pub(crate) struct ClockTime(pub NaiveTime);

impl TryFrom<String> for ClockTime {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        let well_formed = text.len() == 5 && text.as_bytes()[2] == b':';
        well_formed
            .then(|| NaiveTime::parse_from_str(&text, "%H:%M").ok())
            .flatten()
            .map(ClockTime)
            .ok_or_else(|| format!("invalid time \"{text}\": expected HH:MM (24-hour)"))
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%H:%M"))
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The part of the day a source gives when it gives no clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeOfDay {
    Morning,
    Noon,
    Afternoon,
    Dusk,
    Evening,
}

/// How a record knows its date: the texts print it (`stated`), or it is worked out from
/// what they print — "次日", "去年", a dateline — and `date_note` says how (`derived`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    #[default]
    Stated,
    Derived,
}

impl Certainty {
    pub fn is_derived(self) -> bool {
        self == Certainty::Derived
    }
}

/// A quantity as the sources give it; whole numbers are written without a decimal point.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Deserialize)]
pub(crate) struct Amount(pub f64);

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let whole = self.0.fract() == 0.0 && self.0.abs() < 9.0e15;
        if whole {
            serializer.serialize_i64(self.0 as i64)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.fract() == 0.0 && self.0.abs() < 9.0e15 {
            write!(f, "{}", self.0 as i64)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

/// How a figure relates to the number printed: 20多位 is `more_than` 20.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Qualifier {
    MoreThan,
    Nearly,
    About,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_keep_their_precision() {
        assert_eq!(PartialDate::parse("2021"), Ok(PartialDate::Year(2021)));
        assert_eq!(
            PartialDate::parse("2024-07"),
            Ok(PartialDate::Month(2024, 7))
        );
        assert_eq!(
            PartialDate::parse("2024-07")
                .map(|d| d.to_string())
                .as_deref(),
            Ok("2024-07")
        );
        assert_eq!(
            PartialDate::parse("2025-09-01").map(|d| d.precision()),
            Ok(Precision::Day)
        );
    }

    #[test]
    fn impossible_and_malformed_dates_are_refused() {
        for bad in [
            "2025-02-30",
            "2025-13",
            "25-01-01",
            "2025/01/01",
            "",
            "2025-1-1",
            "1850",
        ] {
            let err = PartialDate::parse(bad).expect_err(bad);
            assert!(err.contains(&format!("\"{bad}\"")), "{err}");
        }
        assert!(Date::try_from("2024-07".to_string()).is_err());
    }

    #[test]
    fn clock_times_are_24_hour_hh_mm() {
        assert!(ClockTime::try_from("16:00".to_string()).is_ok());
        for bad in ["24:00", "9:30", "10:60", "1020"] {
            assert!(ClockTime::try_from(bad.to_string()).is_err(), "{bad}");
        }
    }

    #[test]
    fn whole_amounts_serialize_without_a_decimal_point() {
        assert_eq!(
            serde_json::to_string(&Amount(100.0)).ok().as_deref(),
            Some("100")
        );
        assert_eq!(
            serde_json::to_string(&Amount(1.5)).ok().as_deref(),
            Some("1.5")
        );
    }
}
