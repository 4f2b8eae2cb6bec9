//! ISO-8601 timestamps in AWS's flavour, on epoch milliseconds.
//!
//! The engine keeps time as `i64` milliseconds since the Unix epoch (UTC). This module formats them
//! the way AWS prints `$$` times (`2024-01-02T03:04:05.678Z`) and parses Wait timestamps with
//! AWS's rule: an extended offset date-time (date `T` time, optional fraction, `Z` or `±hh:mm`).
//! No system clock is read here.

/// Days since 1970-01-01 for a proleptic Gregorian date.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month, day) for days since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        _ => 28,
    }
}

/// Formats epoch milliseconds as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
pub fn format_millis(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let rem = ms.rem_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    let (h, rem) = (rem / 3_600_000, rem % 3_600_000);
    let (mi, rem) = (rem / 60_000, rem % 60_000);
    let (s, milli) = (rem / 1000, rem % 1000);
    format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{milli:03}Z")
}

fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    let part = b.get(at..at + n)?;
    if !part.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(part).ok()?.parse().ok()
}

/// Parses an ISO-8601 extended offset date-time (`2016-03-14T01:59:00Z`,
/// `2016-03-05T21:29:29.243167252+02:00`) to epoch milliseconds. `None` when the text is not one.
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let year = digits(b, 0, 4)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || b.get(10) != Some(&b'T') {
        return None;
    }
    let (month, day) = (digits(b, 5, 2)?, digits(b, 8, 2)?);
    let (hour, minute) = (digits(b, 11, 2)?, digits(b, 14, 2)?);
    if b.get(13) != Some(&b':') {
        return None;
    }
    let mut at = 16;
    let mut second = 0;
    let mut millis = 0u32;
    if b.get(at) == Some(&b':') {
        second = digits(b, at + 1, 2)?;
        at += 3;
        if b.get(at) == Some(&b'.') {
            at += 1;
            let start = at;
            while b.get(at).is_some_and(u8::is_ascii_digit) {
                at += 1;
            }
            if at == start || at - start > 9 {
                return None;
            }
            let frac = &text[start..at];
            let padded = format!("{frac:0<3}");
            millis = padded[..3].parse().ok()?;
        }
    }
    let offset_minutes: i64 = match b.get(at) {
        Some(b'Z') if at + 1 == b.len() => 0,
        Some(sign @ (b'+' | b'-')) if b.len() == at + 6 && b[at + 3] == b':' => {
            let (oh, om) = (digits(b, at + 1, 2)?, digits(b, at + 4, 2)?);
            if oh > 18 || om > 59 {
                return None;
            }
            let total = i64::from(oh * 60 + om);
            if *sign == b'-' { -total } else { total }
        }
        _ => return None,
    };
    let y = i64::from(year);
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(y, month) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let days = days_from_civil(y, month, day);
    let secs = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second) - offset_minutes * 60;
    Some(secs * 1000 + i64::from(millis))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects_like_aws() {
        let cases: &[(&str, Option<i64>)] = &[
            ("1970-01-01T00:00:00Z", Some(0)),
            ("1970-01-01T00:00:01.5Z", Some(1500)),
            ("1970-01-01T01:00:00+01:00", Some(0)),
            ("2016-03-05T21:29:29.243167252Z", Some(1_457_213_369_243)),
            ("2016-13-05T21:29:29Z", None),
            ("2016-12-05T25:29:29Z", None),
            ("2016-12-05 21:29:29Z", None),
            ("2016-12-05T21:29:29", None),
            ("05-12-2016T21:29:29Z", None),
            ("2026-11-21T11:19:42.000000", None),
            ("2016-02-30T00:00:00Z", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_timestamp(text), *want, "{text}");
        }
    }

    #[test]
    fn formats_round_trip() {
        for ms in [0, 1_457_213_369_243, 4_102_444_800_000, -1] {
            assert_eq!(parse_timestamp(&format_millis(ms)), Some(ms));
        }
    }
}
