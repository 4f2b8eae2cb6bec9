//! Timestamps as AWS Step Functions accepts them (Choice `Timestamp*` rules, `IsTimestamp`,
//! Wait `Timestamp`/`TimestampPath`). AWS's error text ("a valid ISO-8601 extended offset
//! date-time format string") is the description of Java's `ISO_OFFSET_DATE_TIME`, and its
//! recorded behaviour matches that parser: `YYYY-MM-DDThh:mm[:ss[.fraction]]` followed by `Z`
//! or an offset `±hh:mm[:ss]`, letters in any case, up to nine fraction digits, strict calendar.
//!
//! Guarantees: [`Timestamp::parse`] never panics and accepts only real calendar dates and times
//! (`2016-13-05T…`, `…T25:29:29Z`, a missing zone or `T` are rejected); timestamps compare by
//! instant, whatever their offset.

use std::fmt;

/// An instant: seconds since the Unix epoch (UTC) and nanoseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    pub seconds: i64,
    pub nanos: u32,
}

fn digits(bytes: &[u8], at: usize, n: usize) -> Option<i64> {
    let slice = bytes.get(at..at + n)?;
    slice.iter().try_fold(0i64, |acc, b| b.is_ascii_digit().then(|| acc * 10 + i64::from(b - b'0')))
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        _ => 28,
    }
}

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// `Z`, `±hh:mm` or `±hh:mm:ss` (the whole rest of the text), in seconds east of UTC.
fn offset(b: &[u8]) -> Option<i64> {
    let sign = match b.first()? {
        b'Z' | b'z' if b.len() == 1 => return Some(0),
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    if !(b.len() == 6 || b.len() == 9) || b[3] != b':' {
        return None;
    }
    let (h, m) = (digits(b, 1, 2)?, digits(b, 4, 2)?);
    let s = if b.len() == 9 {
        if b[6] != b':' {
            return None;
        }
        digits(b, 7, 2)?
    } else {
        0
    };
    if h > 18 || m > 59 || s > 59 || h * 3600 + m * 60 + s > 18 * 3600 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60 + s))
}

impl Timestamp {
    /// Parses `YYYY-MM-DDThh:mm[:ss[.fraction]](Z|±hh:mm[:ss])`.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let b = text.as_bytes();
        let year = digits(b, 0, 4)?;
        let month = digits(b, 5, 2)?;
        let day = digits(b, 8, 2)?;
        let hour = digits(b, 11, 2)?;
        let minute = digits(b, 14, 2)?;
        if b.get(4) != Some(&b'-')
            || b.get(7) != Some(&b'-')
            || !matches!(b.get(10), Some(b'T' | b't'))
            || b.get(13) != Some(&b':')
        {
            return None;
        }
        let mut i = 16;
        let mut second = 0;
        let mut nanos = 0u32;
        if b.get(i) == Some(&b':') {
            second = digits(b, i + 1, 2)?;
            i += 3;
            if b.get(i) == Some(&b'.') {
                i += 1;
                let start = i;
                while b.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
                let n = i - start;
                if n == 0 || n > 9 {
                    return None;
                }
                let frac = u32::try_from(digits(b, start, n)?).ok()?;
                nanos = frac * 10u32.pow(u32::try_from(9 - n).ok()?);
            }
        }
        if !(1..=12).contains(&month)
            || day < 1
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 59
        {
            return None;
        }
        let offset_seconds = offset(&b[i..])?;
        let days = days_from_civil(year, month, day);
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_seconds;
        Some(Timestamp { seconds, nanos })
    }

    /// Milliseconds since the epoch (rounded down).
    pub fn epoch_millis(self) -> i64 {
        self.seconds * 1000 + i64::from(self.nanos / 1_000_000)
    }

    /// The instant `millis` milliseconds after the epoch.
    pub fn from_epoch_millis(millis: i64) -> Timestamp {
        let nanos = u32::try_from(millis.rem_euclid(1000) * 1_000_000).unwrap_or(0);
        Timestamp { seconds: millis.div_euclid(1000), nanos }
    }
}

/// `YYYY-MM-DDThh:mm:ss.mmmZ`, AWS's form for the context object's times.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.seconds.div_euclid(86_400);
        let secs = self.seconds.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        write!(
            f,
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60,
            self.nanos / 1_000_000
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_compares_instants() {
        let a = Timestamp::parse("2012-10-09T19:00:55Z").unwrap();
        let b = Timestamp::parse("2012-10-09T20:00:55+01:00").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.to_string(), "2012-10-09T19:00:55.000Z");
        let n = Timestamp::parse("2016-03-05T21:29:29.243167252Z").unwrap();
        assert_eq!(n.nanos, 243_167_252);
        assert_eq!(Timestamp::from_epoch_millis(a.epoch_millis()), a);
        for same in
            ["2012-10-09t19:00:55z", "2012-10-09T19:00:55.000Z", "2012-10-09T21:00:55+02:00:00"]
        {
            assert_eq!(Timestamp::parse(same), Some(a), "{same}");
        }
        assert_eq!(Timestamp::parse("2012-10-09T19:00Z").unwrap().seconds, a.seconds - 55);
    }

    #[test]
    fn rejects_what_aws_rejects() {
        for bad in [
            "2016-13-05T21:29:29Z",
            "05-12-2016T21:29:29Z",
            "2016-12-05T25:29:29Z",
            "2016-12-05 21:29:29Z",
            "2016-12-05T21:29:29",
            "2016-02-30T21:29:29Z",
            "2016-12-05T21:29:29.Z",
            "2023-02-24",
            "2016-12-05T21:29:29+01",
            "2016-12-05T21:29:29+0100",
            "2016-12-05T21:29:29+19:00",
            "2016-12-05T21:29:60Z",
            "2016-12-05T21:29:29.1234567890Z",
            "2016-12-05T21:29:29ZZ",
            "",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
    }
}
