//! The medicine picker's search: what the patient types (the start of a molecule or of the name on
//! the pack, any case, with or without accents) to the catalogue's molecules and brands, the
//! brands limited to the patient's country, each with the usual tablet strengths.

use serde::Serialize;

use super::catalogue::{normalise, Country, Molecule};

/// Most matches returned: a picker shows a short list and the patient types on.
pub const MAX_MATCHES: usize = 30;

/// One name the picker can offer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DrugMatch {
    /// The name as the patient will see it on their list: the INN or the brand.
    pub name: String,
    /// The molecule it is (a brand's active substance).
    pub molecule: Molecule,
    /// True for a brand name.
    pub brand: bool,
    /// Countries where the brand is commonly sold (empty for a molecule: sold everywhere as generic).
    pub countries: Vec<Country>,
    /// The molecule's usual tablet strengths, mg.
    pub strengths_mg: Vec<f64>,
}

/// Molecules and brands whose name starts with `text` (then those that contain it), brands only
/// from `country` when one is given; an empty text lists every molecule. Alphabetical within
/// each group, at most [`MAX_MATCHES`].
pub fn search_drugs(text: &str, country: Option<Country>) -> Vec<DrugMatch> {
    let key = normalise(text);
    let mut found: Vec<(bool, DrugMatch)> = Vec::new();
    for m in Molecule::ALL {
        let strengths_mg = m.usual_strengths_mg().to_vec();
        if let Some(prefix) = matches(&key, m.name()) {
            found.push((
                prefix,
                DrugMatch {
                    name: m.name().to_owned(),
                    molecule: m,
                    brand: false,
                    countries: vec![],
                    strengths_mg: strengths_mg.clone(),
                },
            ));
        }
        if key.is_empty() {
            continue;
        }
        for b in m.brands().iter().filter(|b| country.is_none_or(|c| b.countries.contains(&c))) {
            if let Some(prefix) = matches(&key, b.name) {
                found.push((
                    prefix,
                    DrugMatch {
                        name: b.name.to_owned(),
                        molecule: m,
                        brand: true,
                        countries: b.countries.to_vec(),
                        strengths_mg: strengths_mg.clone(),
                    },
                ));
            }
        }
    }
    found.sort_by(|(a, x), (b, y)| b.cmp(a).then_with(|| x.name.to_lowercase().cmp(&y.name.to_lowercase())));
    found.into_iter().map(|(_, m)| m).take(MAX_MATCHES).collect()
}

/// `Some(true)` when `name` starts with `key`, `Some(false)` when it contains it, else `None`.
fn matches(key: &str, name: &str) -> Option<bool> {
    let name = normalise(name);
    if name.starts_with(key) {
        Some(true)
    } else if name.contains(key) {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str, country: Option<Country>) -> Vec<String> {
        search_drugs(text, country).into_iter().map(|m| m.name).collect()
    }

    #[test]
    fn the_start_of_a_name_finds_molecules_and_the_country_s_brands() {
        assert_eq!(names("stil", None), ["Stilnoct", "Stilnox"]);
        assert_eq!(names("stil", Some(Country::FR)), ["Stilnox"]);
        assert_eq!(names("Lorazépam", None), ["lorazepam"]);
        let zol = search_drugs("zolp", Some(Country::BE));
        assert_eq!(zol.len(), 1);
        assert_eq!((zol[0].molecule, zol[0].brand), (Molecule::Zolpidem, false));
        assert!(zol[0].strengths_mg.contains(&10.0));
        // "pam" is inside many INNs and starts none: substring matches, alphabetical.
        let pam = names("pam", None);
        assert!(
            pam.len() > 5 && pam.windows(2).all(|w| w[0].to_lowercase() <= w[1].to_lowercase()),
            "{pam:?}"
        );
        // Prefix matches come before substring matches.
        let x = names("xan", None);
        assert_eq!(x.first().map(String::as_str), Some("Xanax"));
        assert_eq!(names("", None).len(), Molecule::ALL.len().min(MAX_MATCHES));
        assert!(names("aspirin", None).is_empty());
        let brand = &search_drugs("Imovane", Some(Country::NO))[0];
        assert_eq!(
            (brand.molecule, brand.brand, brand.countries.contains(&Country::NO)),
            (Molecule::Zopiclone, true, true)
        );
    }
}
