//! An `.xls` file is a compound file (CFB): sectors chained through an
//! allocation table. calamine follows those chains without checking them:
//! a 5 KB file whose table loops sends it round the loop until memory runs
//! out (found by the fuzzer), and sizes in the header are allocated as
//! given. Here the header's counts, every chain of the allocation tables
//! and the directory's stream sizes are checked against the file, in time
//! and memory of the order of its size, before calamine reads it.

/// Why a compound file is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Damage {
    /// Too short for a header, or no compound-file signature.
    NotCompound,
    /// A count or size larger than the file could hold.
    Counts,
    /// A chain of sectors that loops (or points past the file).
    Loop,
}

const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const END: u32 = 0xFFFF_FFFE;
const FREE: u32 = 0xFFFF_FFFF;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Checks the compound file `bytes`.
pub fn check(bytes: &[u8]) -> Result<(), Damage> {
    if bytes.len() < 512 || bytes[..8] != SIGNATURE {
        return Err(Damage::NotCompound);
    }
    let shift = u16_at(bytes, 0x1E).ok_or(Damage::NotCompound)?;
    if shift != 9 && shift != 12 {
        return Err(Damage::Counts);
    }
    let size = 1usize << shift;
    // Sectors the file holds after its header.
    let sectors = bytes.len().saturating_sub(size).div_ceil(size);
    let sector = |i: u32| -> Option<&[u8]> {
        let start = (i as usize).checked_add(1)?.checked_mul(size)?;
        bytes.get(start..(start + size).min(bytes.len()))
    };
    let count = |at: usize| {
        u32_at(bytes, at)
            .map(|n| n as usize)
            .ok_or(Damage::NotCompound)
    };
    let (fat_sectors, mini_fat_sectors, difat_sectors) = (count(0x2C)?, count(0x40)?, count(0x48)?);
    if fat_sectors > sectors || mini_fat_sectors > sectors || difat_sectors > sectors {
        return Err(Damage::Counts);
    }

    // The allocation table's sectors: 109 in the header, the rest in a
    // chain of DIFAT sectors, which may itself loop.
    let mut fat_at: Vec<u32> = (0..109)
        .filter_map(|k| u32_at(bytes, 0x4C + 4 * k))
        .filter(|&s| s != FREE && s != END)
        .collect();
    let mut next = u32_at(bytes, 0x44).ok_or(Damage::NotCompound)?;
    let mut walked = 0;
    while next != END && next != FREE && fat_at.len() < fat_sectors {
        walked += 1;
        if walked > sectors {
            return Err(Damage::Loop);
        }
        let s = sector(next).ok_or(Damage::Loop)?;
        let per = size / 4 - 1;
        fat_at.extend(
            (0..per)
                .filter_map(|k| u32_at(s, 4 * k))
                .filter(|&v| v != FREE && v != END),
        );
        next = u32_at(s, 4 * per).unwrap_or(END);
    }
    fat_at.truncate(fat_sectors);
    let mut fat: Vec<u32> = Vec::with_capacity(fat_sectors * size / 4);
    for &s in &fat_at {
        let s = sector(s).ok_or(Damage::Loop)?;
        fat.extend((0..s.len() / 4).filter_map(|k| u32_at(s, 4 * k)));
    }
    acyclic(&fat)?;

    // The directory: every stream's size within the file.
    let directory = chain(&fat, u32_at(bytes, 0x30).ok_or(Damage::NotCompound)?)?;
    for s in directory {
        let s = sector(s).ok_or(Damage::Loop)?;
        for entry in s.chunks_exact(128) {
            let size = u32_at(entry, 0x78).unwrap_or(0) as usize;
            if size > bytes.len() {
                return Err(Damage::Counts);
            }
        }
    }

    // The mini allocation table, chained through the big one.
    let mut mini = Vec::new();
    let first_mini = u32_at(bytes, 0x3C).ok_or(Damage::NotCompound)?;
    if first_mini != END && first_mini != FREE {
        for s in chain(&fat, first_mini)? {
            let s = sector(s).ok_or(Damage::Loop)?;
            mini.extend((0..s.len() / 4).filter_map(|k| u32_at(s, 4 * k)));
        }
    }
    acyclic(&mini)
}

/// The sectors of the chain starting at `start` (the table is acyclic).
fn chain(fat: &[u32], start: u32) -> Result<Vec<u32>, Damage> {
    let mut out = Vec::new();
    let mut at = start;
    while (at as usize) < fat.len() {
        out.push(at);
        if out.len() > fat.len() {
            return Err(Damage::Loop);
        }
        at = fat[at as usize];
    }
    Ok(out)
}

/// Whether following the table from any sector ends (no chain loops).
fn acyclic(table: &[u32]) -> Result<(), Damage> {
    // 0: not seen; 1: on the chain being followed; 2: known to end.
    let mut state = vec![0u8; table.len()];
    let mut path = Vec::new();
    for start in 0..table.len() {
        let mut at = start;
        while at < table.len() && state[at] == 0 {
            state[at] = 1;
            path.push(at);
            at = table[at] as usize;
        }
        if at < table.len() && state[at] == 1 {
            return Err(Damage::Loop);
        }
        for p in path.drain(..) {
            state[p] = 2;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_xls_passes_and_a_looping_table_does_not() {
        let good = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/good.xls"),
        )
        .unwrap();
        assert_eq!(check(&good), Ok(()));
        assert_eq!(check(b"not a compound file"), Err(Damage::NotCompound));
        // The fuzzer's find: a chain of the allocation table points back.
        assert_eq!(acyclic(&[1, 2, END]), Ok(()));
        assert_eq!(acyclic(&[1, 2, 0]), Err(Damage::Loop));
        assert_eq!(acyclic(&[END, 2, 1]), Err(Damage::Loop));
        assert_eq!(acyclic(&[0]), Err(Damage::Loop));
        // A header claiming more allocation sectors than the file has.
        let mut counts = good.clone();
        counts[0x2C..0x30].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(check(&counts), Err(Damage::Counts));
    }
}
