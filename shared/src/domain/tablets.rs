//! Which daily doses the patient's real tablets allow. Tablets only split into halves or quarters of
//! the strengths the patient has (shared/domain.md, "Taper pace"), so every planned dose must be a sum
//! of those pieces. Arithmetic is done in whole quarter-micrograms, so 0.9375 mg (a quarter of
//! 3.75 mg) or 0.03125 mg (a quarter of 0.125 mg) are exact and doses compare without float drift.

use serde::{Deserialize, Serialize};

use super::dose::MAX_DOSE_MG;
use super::error::{Field, Problem, Rule, Valid, ValidationError};

/// The smallest fraction a patient can split their tablets into, because real tablets only split
/// into halves or quarters (and some not at all).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Split {
    /// Whole tablets only.
    Whole,
    /// Halves.
    Half,
    /// Quarters.
    #[default]
    Quarter,
}

impl super::keyed::Keyed for Split {
    const ALL: &'static [Self] = &[Split::Whole, Split::Half, Split::Quarter];

    fn key(self) -> &'static str {
        match self {
            Split::Whole => "whole",
            Split::Half => "half",
            Split::Quarter => "quarter",
        }
    }
}

impl Split {
    /// Number of pieces a tablet is cut into (1, 2 or 4), which is how shells send it.
    pub fn parts(self) -> u32 {
        match self {
            Split::Whole => 1,
            Split::Half => 2,
            Split::Quarter => 4,
        }
    }

    /// Reads 1, 2 or 4 back, so a person can type a plain number.
    pub fn from_parts(parts: i64) -> Valid<Split> {
        match parts {
            1 => Ok(Split::Whole),
            2 => Ok(Split::Half),
            4 => Ok(Split::Quarter),
            _ => Err(ValidationError::new(Field::Split, Problem::not_allowed(Rule::SplitIsOneTwoOrFour))),
        }
    }
}

/// Integer units per mg: a quarter of a microgram, the finest piece a whole-microgram strength
/// split in quarters can give.
pub(crate) const UNITS_PER_MG: f64 = 4000.0;

/// mg to units, rounded to the nearest unit; negative or non-finite values become 0 and anything
/// above [`MAX_DOSE_MG`] is capped, which bounds every table below.
pub(crate) fn to_units(mg: f64) -> u64 {
    if !mg.is_finite() || mg <= 0.0 {
        return 0;
    }
    // Bounded by MAX_DOSE_MG * UNITS_PER_MG (4e6), so the cast cannot truncate.
    (mg.min(MAX_DOSE_MG) * UNITS_PER_MG).round() as u64
}

/// Units back to mg; exact for every value a plan produces (an integer divided by 4000 is the
/// correctly rounded mg, the same f64 a literal such as `0.1` gives).
pub(crate) fn to_mg(units: u64) -> f64 {
    // Units never exceed 4e6, far below 2^53, so the conversion is exact.
    units as f64 / UNITS_PER_MG
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// One piece the patient can take: a whole, half or quarter tablet of one strength.
#[derive(Debug, Clone, Copy)]
struct Piece {
    strength_mg: f64,
    /// Quarters of a tablet (4 = whole, 2 = half, 1 = quarter).
    quarters: u32,
    units: u64,
}

fn pieces(strengths: &[f64], split: Split) -> Vec<Piece> {
    let mut sorted: Vec<f64> = strengths.iter().copied().filter(|s| to_units(*s) > 0).collect();
    sorted.sort_by(|a, b| b.total_cmp(a));
    sorted.dedup_by(|a, b| to_units(*a) == to_units(*b));
    let fractions: &[u32] = match split {
        Split::Whole => &[4],
        Split::Half => &[4, 2],
        Split::Quarter => &[4, 2, 1],
    };
    let mut out = Vec::new();
    for s in sorted {
        for &quarters in fractions {
            let units = (to_units(s) as f64 * f64::from(quarters) / 4.0).round() as u64;
            if units > 0 {
                out.push(Piece { strength_mg: s, quarters, units });
            }
        }
    }
    out
}

/// Every achievable dose up to `max_units`, ascending, in units (0 included). The table is indexed
/// by multiples of the pieces' greatest common divisor, so it stays small for real tablets.
pub(crate) fn achievable_units(strengths: &[f64], split: Split, max_units: u64) -> Vec<u64> {
    let pieces = pieces(strengths, split);
    let g = pieces.iter().fold(0, |g, p| gcd(g, p.units));
    if g == 0 {
        return vec![0];
    }
    let n = usize::try_from(max_units / g).unwrap_or(0);
    let steps: Vec<usize> = pieces.iter().filter_map(|p| usize::try_from(p.units / g).ok()).collect();
    let mut reach = vec![false; n + 1];
    let mut out = Vec::new();
    for v in 0..=n {
        let ok = v == 0 || steps.iter().any(|&s| s <= v && reach[v - s]);
        reach[v] = ok;
        if ok {
            out.push(v as u64 * g);
        }
    }
    out
}

/// The daily doses (mg, ascending, 0 included) that are sums of whole tablets or allowed fractions
/// (1/`split`) of `strengths`, up to `max_mg`: the only doses a plan can ask a patient to take.
pub fn achievable_doses(strengths: &[f64], split: Split, max_mg: f64) -> Vec<f64> {
    let max_units = if max_mg.is_finite() && max_mg > 0.0 {
        (max_mg.min(MAX_DOSE_MG) * UNITS_PER_MG + 1e-6).floor() as u64
    } else {
        0
    };
    achievable_units(strengths, split, max_units).into_iter().map(to_mg).collect()
}

/// True when `dose_mg` can be made from the tablets exactly (within 1e-9 mg).
pub(crate) fn is_achievable(dose_mg: f64, strengths: &[f64], split: Split) -> bool {
    let units = to_units(dose_mg);
    (to_mg(units) - dose_mg).abs() <= 1e-9 && achievable_units(strengths, split, units).last() == Some(&units)
}

/// Cost of a way to make a dose: (pieces, quarter pieces, half pieces), compared in that order.
type Cost = (u32, u32, u32);

/// How to make `dose_mg` from the tablets, as (strength in mg, quarters of that tablet), largest
/// strength first, so a step can be shown as "1¾ × 1 mg". Prefers the fewest pieces, then the fewest
/// quarter pieces, then the fewest halves (fewer cuts, easier to get right at night). Empty for 0 or
/// for a dose the tablets cannot make.
pub fn tablets_for(dose_mg: f64, strengths: &[f64], split: Split) -> Vec<(f64, u32)> {
    let units = to_units(dose_mg);
    let pieces = pieces(strengths, split);
    let g = pieces.iter().fold(0, |g, p| gcd(g, p.units));
    if units == 0 || g == 0 || units % g != 0 || (to_mg(units) - dose_mg).abs() > 1e-9 {
        return Vec::new();
    }
    let n = usize::try_from(units / g).unwrap_or(0);
    // best[v] = (cost, piece used last) for v × g units.
    let mut best: Vec<Option<(Cost, usize)>> = vec![None; n + 1];
    best[0] = Some(((0, 0, 0), usize::MAX));
    for v in 1..=n {
        for (i, p) in pieces.iter().enumerate() {
            let Ok(size) = usize::try_from(p.units / g) else { continue };
            let Some(((count, quarters, halves), _)) = (size <= v).then(|| best[v - size]).flatten() else {
                continue;
            };
            let cost =
                (count + 1, quarters + u32::from(p.quarters == 1), halves + u32::from(p.quarters == 2));
            if best[v].is_none_or(|(c, _)| cost < c) {
                best[v] = Some((cost, i));
            }
        }
    }
    let mut out: Vec<(f64, u32)> = Vec::new();
    let mut v = n;
    while v > 0 {
        let Some(p) = best[v].and_then(|(_, i)| pieces.get(i)) else { return Vec::new() };
        match out.iter_mut().find(|(s, _)| to_units(*s) == to_units(p.strength_mg)) {
            Some((_, q)) => *q += p.quarters,
            None => out.push((p.strength_mg, p.quarters)),
        }
        v -= usize::try_from(p.units / g).unwrap_or(v);
    }
    out.sort_by(|a, b| b.0.total_cmp(&a.0));
    out
}

/// Tablets as a short text, e.g. "1¾ × 1 mg" or "1 × 2 mg + ½ × 1 mg"; "none" for no tablets.
pub fn tablets_text(tablets: &[(f64, u32)]) -> String {
    let parts: Vec<String> = tablets
        .iter()
        .filter(|(_, q)| *q > 0)
        .map(|&(strength, q)| format!("{} × {} mg", count_text(f64::from(q) / 4.0), mg_text(strength)))
        .collect();
    if parts.is_empty() {
        "none".to_owned()
    } else {
        parts.join(" + ")
    }
}

/// A quantity with up to three decimals and no trailing zeros: `2`, `1.75`, `0.125`.
pub fn mg_text(v: f64) -> String {
    let s = format!("{:.3}", (v * 1000.0).round() / 1000.0);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_owned()
    }
}

/// One decimal, without a trailing ".0" (language-neutral, for ids and logs).
pub fn round1(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// A tablet count the way it is split: `1`, `½`, `1¾`; other values as decimals.
pub fn count_text(tablets: f64) -> String {
    let quarters = (tablets * 4.0).round();
    if (quarters - tablets * 4.0).abs() > 1e-9 || !(0.0..=4000.0).contains(&quarters) {
        return mg_text(tablets);
    }
    let (whole, rest) = ((quarters / 4.0).floor(), quarters % 4.0);
    let glyph = match rest as u8 {
        1 => "¼",
        2 => "½",
        3 => "¾",
        _ => "",
    };
    match (whole > 0.0, glyph.is_empty()) {
        (_, true) => mg_text(whole),
        (false, false) => glyph.to_owned(),
        (true, false) => format!("{}{glyph}", mg_text(whole)),
    }
}

/// A dose amount as the patient took it: "¾ × 2 mg (1.5 mg)", "2 mg", or "1 tablet, strength
/// unknown" (never a made-up mg).
pub fn amount_text(mg: Option<f64>, tablets: Option<f64>) -> String {
    match (tablets, mg) {
        (Some(t), Some(mg)) if t > 0.0 => {
            format!("{} × {} mg ({} mg)", count_text(t), mg_text(mg / t), mg_text(mg))
        }
        (Some(t), None) => {
            let noun = if (t - 1.0).abs() < 1e-9 || t < 1.0 { "tablet" } else { "tablets" };
            format!("{} {noun}, strength unknown", count_text(t))
        }
        (_, Some(mg)) => format!("{} mg", mg_text(mg)),
        (None, None) => "amount unknown".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_of_one_and_two_mg_tablets_go_in_quarter_mg_steps() {
        let doses = achievable_doses(&[1.0, 2.0], Split::Quarter, 2.0);
        assert_eq!(doses, vec![0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0]);
        assert_eq!(achievable_doses(&[1.0, 2.0], Split::Whole, 2.5), vec![0.0, 1.0, 2.0]);
    }

    #[test]
    fn odd_strengths_are_exact() {
        let doses = achievable_doses(&[3.75, 7.5], Split::Quarter, 2.0);
        assert_eq!(doses, vec![0.0, 0.9375, 1.875]);
        let tiny = achievable_doses(&[0.125], Split::Quarter, 0.1);
        assert_eq!(tiny, vec![0.0, 0.03125, 0.0625, 0.09375]);
        // Halves of 2 and 5 mg: 1 and 2.5 mg pieces, so 1.5 mg is impossible but 3.5 is not.
        let dz = achievable_doses(&[2.0, 5.0, 10.0], Split::Half, 4.0);
        assert_eq!(dz, vec![0.0, 1.0, 2.0, 2.5, 3.0, 3.5, 4.0]);
        assert!(is_achievable(3.5, &[2.0, 5.0, 10.0], Split::Half));
        assert!(!is_achievable(1.5, &[2.0, 5.0, 10.0], Split::Half));
        assert!(!is_achievable(1.0001, &[1.0], Split::Quarter));
        assert_eq!(achievable_doses(&[], Split::Quarter, 10.0), vec![0.0]);
    }

    #[test]
    fn tablets_prefer_fewest_pieces_and_fewest_cuts() {
        assert_eq!(tablets_for(1.75, &[1.0, 2.0], Split::Quarter), vec![(1.0, 7)]);
        assert_eq!(tablets_text(&tablets_for(1.75, &[1.0, 2.0], Split::Quarter)), "1¾ × 1 mg");
        assert_eq!(tablets_for(2.0, &[1.0, 2.0], Split::Quarter), vec![(2.0, 4)]);
        assert_eq!(tablets_for(3.5, &[2.0, 5.0, 10.0], Split::Half), vec![(5.0, 2), (2.0, 2)]);
        assert_eq!(tablets_text(&tablets_for(3.5, &[2.0, 5.0, 10.0], Split::Half)), "½ × 5 mg + ½ × 2 mg");
        assert_eq!(tablets_for(27.0, &[2.0, 5.0, 10.0], Split::Half), vec![(10.0, 8), (5.0, 4), (2.0, 4)]);
        assert!(tablets_for(0.0, &[1.0], Split::Quarter).is_empty());
        assert!(tablets_for(1.5, &[2.0, 5.0], Split::Half).is_empty());
        assert_eq!(tablets_text(&[]), "none");
        assert_eq!(tablets_text(&[(0.25, 6)]), "1½ × 0.25 mg");
    }

    #[test]
    fn counts_and_amounts_read_as_they_are_split() {
        assert_eq!(count_text(1.75), "1¾");
        assert_eq!(count_text(0.5), "½");
        assert_eq!(count_text(2.0), "2");
        assert_eq!(count_text(0.3), "0.3");
        assert_eq!(mg_text(0.125), "0.125");
        assert_eq!(mg_text(-0.0), "0");
        assert_eq!(amount_text(Some(1.5), Some(1.5)), "1½ × 1 mg (1.5 mg)");
        assert_eq!(amount_text(None, Some(2.0)), "2 tablets, strength unknown");
        assert_eq!(amount_text(None, Some(0.5)), "½ tablet, strength unknown");
        assert_eq!(amount_text(Some(10.0), None), "10 mg");
    }
}
