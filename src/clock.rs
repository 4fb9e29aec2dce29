//! The time printed on covers and in PDF metadata: SOURCE_DATE_EPOCH when
//! set (reproducible builds, tests), else the clock.

/// Seconds since 1970-01-01 UTC.
pub fn now() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        })
}

/// The current year.
pub fn year() -> i64 {
    year_of(now())
}

/// The year of a time in seconds since 1970.
pub fn year_of(secs: i64) -> i64 {
    civil_year(secs.div_euclid(86_400))
}

/// The Gregorian year of a day counted from 1970-01-01.
fn civil_year(days: i64) -> i64 {
    civil(days).0
}

/// A time in seconds since 1970 as a day: (year, month, day).
pub fn date_of(secs: i64) -> (i64, i64, i64) {
    civil(secs.div_euclid(86_400))
}

/// The Gregorian date of a day counted from 1970-01-01 (H. Hinnant's algorithm).
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_year_at_the_edges_of_years() {
        assert_eq!(civil_year(0), 1970);
        assert_eq!(civil_year(364), 1970);
        assert_eq!(civil_year(365), 1971);
        // 2026-11-24 and 2024-12-31 (a leap year's last day), 2025-01-01.
        assert_eq!(civil_year(20_781), 2026);
        assert_eq!(civil_year(20_088), 2024);
        assert_eq!(civil_year(20_089), 2025);
        assert_eq!(date_of(20_787 * 86_400 + 3600), (2026, 11, 30));
    }
}
