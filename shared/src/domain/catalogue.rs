//! The drug catalogue: which molecules Steady knows, their ATC codes, common tablet strengths,
//! brand names per country and diazepam-equivalent tables. It exists so that a patient can log
//! "Stilnoct" or "Loramet" and the summary can still speak in molecules, ATC codes (for FHIR
//! exports) and diazepam equivalents, always naming the table used (see shared/domain.md).
//!
//! Sources: ATC codes from the WHO Collaborating Centre for Drug Statistics Methodology, ATC/DDD
//! Index; brands and strengths from national product registries (BCFI/CBIP BE, Farmacotherapeutisch
//! Kompas NL, BDPM FR, Felleskatalogen NO, BNF UK, FDA Orange Book US); equivalence values as
//! cited above each table. A value no source gives is `None` (unknown), never a guess.

use serde::{Deserialize, Serialize};

use super::keyed::Keyed;
use super::tables::{self, Table};

/// A benzodiazepine or Z-drug molecule (INN), so doses from any brand add up per molecule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Molecule {
    Alprazolam,
    Bromazepam,
    Brotizolam,
    Chlordiazepoxide,
    Clobazam,
    Clonazepam,
    Clorazepate,
    Diazepam,
    Estazolam,
    Flunitrazepam,
    Flurazepam,
    Loprazolam,
    Lorazepam,
    Lormetazepam,
    Nitrazepam,
    Oxazepam,
    Prazepam,
    Temazepam,
    Triazolam,
    Zaleplon,
    Zolpidem,
    Zopiclone,
    Eszopiclone,
    EthylLoflazepate,
    Clotiazepam,
}

use Molecule::*;

/// Country of a brand name: brands differ between the markets Steady's users live in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Country {
    /// Belgium.
    BE,
    /// The Netherlands.
    NL,
    /// France.
    FR,
    /// Norway.
    NO,
    /// The United Kingdom.
    UK,
    /// The United States.
    US,
}

impl super::keyed::Keyed for Country {
    const ALL: &'static [Self] =
        &[Country::BE, Country::NL, Country::FR, Country::NO, Country::UK, Country::US];

    /// ISO 3166 alpha-2 in lower case (`uk` for the United Kingdom, as people type it).
    fn key(self) -> &'static str {
        match self {
            Country::BE => "be",
            Country::NL => "nl",
            Country::FR => "fr",
            Country::NO => "no",
            Country::UK => "uk",
            Country::US => "us",
        }
    }
}

/// A brand name and the countries where it is commonly sold, so pack names map to a molecule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Brand {
    /// The name as printed on the pack.
    pub name: &'static str,
    /// Where this name is commonly sold.
    pub countries: &'static [Country],
}

macro_rules! brands {
    ($($name:literal: [$($c:ident),*]),* $(,)?) => {
        &[$(Brand { name: $name, countries: &[$(Country::$c),*] }),*]
    };
}

impl Molecule {
    /// Every molecule, for pickers, exports and exhaustive tests.
    pub const ALL: [Molecule; 25] = [
        Alprazolam,
        Bromazepam,
        Brotizolam,
        Chlordiazepoxide,
        Clobazam,
        Clonazepam,
        Clorazepate,
        Diazepam,
        Estazolam,
        Flunitrazepam,
        Flurazepam,
        Loprazolam,
        Lorazepam,
        Lormetazepam,
        Nitrazepam,
        Oxazepam,
        Prazepam,
        Temazepam,
        Triazolam,
        Zaleplon,
        Zolpidem,
        Zopiclone,
        Eszopiclone,
        EthylLoflazepate,
        Clotiazepam,
    ];

    /// English INN in lowercase, the name shown next to any brand so everyone reads the molecule.
    pub fn name(self) -> &'static str {
        self.facts().0
    }

    /// WHO ATC code, which identifies the molecule in FHIR exports.
    pub fn atc(self) -> &'static str {
        self.facts().1
    }

    /// Common tablet/capsule strengths in mg, ascending, so a taper can round to real tablets.
    pub fn usual_strengths_mg(self) -> &'static [f64] {
        self.facts().2
    }

    // (INN, ATC, strengths in mg). ATC: WHO Collaborating Centre for Drug Statistics Methodology,
    // ATC/DDD Index. Strengths: the product registries cited below; illustrative, not exhaustive.
    fn facts(self) -> (&'static str, &'static str, &'static [f64]) {
        match self {
            Alprazolam => ("alprazolam", "N05BA12", &[0.25, 0.5, 1.0, 2.0]),
            Bromazepam => ("bromazepam", "N05BA08", &[1.5, 3.0, 6.0]),
            Brotizolam => ("brotizolam", "N05CD09", &[0.25]),
            Chlordiazepoxide => ("chlordiazepoxide", "N05BA02", &[5.0, 10.0, 25.0]),
            Clobazam => ("clobazam", "N05BA09", &[5.0, 10.0, 20.0]),
            Clonazepam => ("clonazepam", "N03AE01", &[0.5, 1.0, 2.0]),
            Clorazepate => ("clorazepate", "N05BA05", &[3.75, 5.0, 7.5, 10.0, 15.0, 50.0]),
            Diazepam => ("diazepam", "N05BA01", &[2.0, 5.0, 10.0]),
            Estazolam => ("estazolam", "N05CD04", &[1.0, 2.0]),
            Flunitrazepam => ("flunitrazepam", "N05CD03", &[1.0]),
            Flurazepam => ("flurazepam", "N05CD01", &[15.0, 30.0]),
            Loprazolam => ("loprazolam", "N05CD11", &[1.0]),
            Lorazepam => ("lorazepam", "N05BA06", &[0.5, 1.0, 2.0, 2.5]),
            Lormetazepam => ("lormetazepam", "N05CD06", &[1.0, 2.0]),
            Nitrazepam => ("nitrazepam", "N05CD02", &[5.0]),
            Oxazepam => ("oxazepam", "N05BA04", &[10.0, 15.0, 25.0, 50.0]),
            Prazepam => ("prazepam", "N05BA11", &[10.0, 40.0]),
            Temazepam => ("temazepam", "N05CD07", &[10.0, 20.0]),
            Triazolam => ("triazolam", "N05CD05", &[0.125, 0.25]),
            Zaleplon => ("zaleplon", "N05CF03", &[5.0, 10.0]),
            Zolpidem => ("zolpidem", "N05CF02", &[5.0, 10.0]),
            Zopiclone => ("zopiclone", "N05CF01", &[3.75, 7.5]),
            Eszopiclone => ("eszopiclone", "N05CF04", &[1.0, 2.0, 3.0]),
            EthylLoflazepate => ("ethyl loflazepate", "N05BA18", &[2.0]),
            Clotiazepam => ("clotiazepam", "N05BA21", &[5.0, 10.0]),
        }
    }

    /// Common brand names by country, so a patient can log the name on the box.
    // Sources, per country: BE — FAMHP/AFMPS authorisations as listed by BCFI/CBIP
    // (bcfi.be); NL — CBG-MEB Geneesmiddeleninformatiebank (geneesmiddeleninformatiebank.nl) and
    // Farmacotherapeutisch Kompas; FR — ANSM, base de données publique des médicaments
    // (base-donnees-publique.medicaments.gouv.fr); NO — Felleskatalogen / DMP (Direktoratet for
    // medisinske produkter); UK — BNF / MHRA; US — FDA Orange Book. Illustrative, not exhaustive; no
    // brand maps to two molecules. Issue 14 corrections, with what was read offline: bromazepam is
    // Lexotanil in NL (not Lexotan) and has no UK licence (not in the BNF); flurazepam is Dalmadorm
    // in NL, Staurodorm in BE; lorazepam is not marketed in NO (Helsedirektoratet, Vanedannende
    // legemidler 1.1: lorazepam/Ativan only on exemption, "godkjenningsfritak"), so Ativan is UK/US;
    // lormetazepam is Noctamide in FR; brotizolam is Lendormin in BE and NL (NL names as in
    // Novadic-Kentron's omrekentabel: Lexotanil, Dalmadorm, Lendormin, Loramet, Noctamid). The
    // national databases themselves could not be queried offline.
    pub fn brands(self) -> &'static [Brand] {
        match self {
            Alprazolam => brands!["Xanax": [BE, NL, FR, UK, US], "Xanor": [NO]],
            Bromazepam => brands!["Lexotan": [BE], "Lexotanil": [NL], "Lexomil": [FR]],
            Brotizolam => brands!["Lendormin": [BE, NL]],
            Chlordiazepoxide => brands!["Librium": [UK, US]],
            Clobazam => brands!["Frisium": [BE, NL, UK, NO], "Urbanyl": [FR], "Onfi": [US]],
            Clonazepam => brands!["Rivotril": [BE, NL, FR, NO, UK], "Klonopin": [US]],
            Clorazepate => brands!["Tranxene": [BE, NL, FR, US]],
            Diazepam => {
                brands!["Valium": [BE, NL, FR, UK, US], "Stesolid": [NL, NO], "Vival": [NO]]
            }
            Estazolam => brands!["Nuctalon": [FR], "ProSom": [US]],
            Flunitrazepam => brands!["Rohypnol": [FR, BE]],
            Flurazepam => brands!["Staurodorm": [BE], "Dalmadorm": [NL], "Dalmane": [US]],
            Loprazolam => brands!["Dormonoct": [BE, NL], "Havlane": [FR]],
            Lorazepam => brands!["Temesta": [BE, NL, FR], "Ativan": [UK, US]],
            Lormetazepam => {
                brands!["Loramet": [BE, NL], "Noctamid": [BE, NL], "Noctamide": [FR]]
            }
            Nitrazepam => brands!["Mogadon": [BE, NL, UK], "Apodorm": [NO]],
            Oxazepam => brands!["Seresta": [BE, NL, FR], "Sobril": [NO]],
            Prazepam => brands!["Lysanxia": [BE, FR], "Reapam": [NL]],
            Temazepam => brands!["Normison": [NL, BE], "Restoril": [US]],
            Triazolam => brands!["Halcion": [BE, NL, US]],
            Zaleplon => brands!["Sonata": [US]],
            Zolpidem => brands!["Stilnoct": [BE, NL, NO, UK], "Stilnox": [FR], "Ambien": [US]],
            Zopiclone => brands!["Imovane": [BE, FR, NO], "Zimovane": [UK]],
            Eszopiclone => brands!["Lunesta": [US]],
            EthylLoflazepate => brands!["Victan": [FR, BE]],
            Clotiazepam => brands!["Clozan": [BE], "Veratran": [FR]],
        }
    }
}

/// A range of milligrams (low <= high); a single value has low == high. Equivalence tables
/// disagree and give ranges, so diazepam-equivalent doses stay ranges, not false precision.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MgRange {
    /// Lower bound in mg.
    pub low: f64,
    /// Upper bound in mg (equal to `low` for a single value).
    pub high: f64,
}

impl MgRange {
    /// No milligrams: the starting point when summing doses.
    pub const ZERO: MgRange = MgRange::exact(0.0);

    /// A single value, for sources that give one number.
    pub const fn exact(mg: f64) -> Self {
        MgRange { low: mg, high: mg }
    }

    /// A range; the bounds are put in order so `low <= high` always holds.
    pub const fn new(low: f64, high: f64) -> Self {
        if low <= high {
            MgRange { low, high }
        } else {
            MgRange { low: high, high: low }
        }
    }

    /// Sum of two ranges, for daily totals across doses and molecules.
    #[allow(clippy::should_implement_trait)] // the name is part of the agreed API
    pub fn add(self, other: MgRange) -> MgRange {
        MgRange::new(self.low + other.low, self.high + other.high)
    }

    /// Both bounds multiplied by `factor` (e.g. number of tablets), order kept.
    pub fn scale(self, factor: f64) -> MgRange {
        MgRange::new(self.low * factor, self.high * factor)
    }

    /// The plain English number for screens that are not localised yet: "10–20", and "15" (never
    /// "15–15") when both ends are the same; up to three decimals, so 0.25 mg stays 0.25.
    /// Localised text goes through `Texts::mg_range`, which follows the same rule.
    pub fn plain(self) -> String {
        let mg = |v: f64| {
            let s = format!("{:.3}", (v * 1000.0).round() / 1000.0);
            s.trim_end_matches('0').trim_end_matches('.').to_owned()
        };
        let (low, high) = (mg(self.low), mg(self.high));
        if low == high {
            low
        } else {
            format!("{low}–{high}")
        }
    }
}

/// Which published diazepam-equivalence table to use; a summary always says which one it used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum EquivalenceTable {
    /// Ashton Manual (revised 2007): the default, with a value for most common molecules.
    #[default]
    Ashton,
    /// U.S. Veterans Affairs / Department of Defense values, as in ASAM 2025 Table 7.
    VaDod,
    /// Dutch conversion table (Novadic-Kentron omrekentabel).
    Dutch,
    /// Norwegian Directorate of Health (Helsedirektoratet), "ekvipotens".
    Norwegian,
}

impl Keyed for EquivalenceTable {
    /// Every table, for settings pickers and tests.
    const ALL: &'static [Self] = &[Self::Ashton, Self::VaDod, Self::Dutch, Self::Norwegian];

    /// Stable key for settings and exports; `parse` accepts it back.
    fn key(self) -> &'static str {
        match self {
            Self::Ashton => "ashton",
            Self::VaDod => "va_dod",
            Self::Dutch => "dutch",
            Self::Norwegian => "norwegian",
        }
    }
}

impl EquivalenceTable {
    /// Short human name shown next to diazepam-equivalent figures.
    pub fn name(self) -> &'static str {
        self.table().name
    }

    /// Full citation (document, edition/year, table, URL), printed in summaries so a clinician
    /// can check the numbers.
    pub fn source(self) -> &'static str {
        self.table().source
    }

    /// Reads a key written by `key` (case-insensitive), so stored settings survive round trips.
    pub fn parse(key: &str) -> Option<EquivalenceTable> {
        Self::from_key(key)
    }

    fn table(self) -> &'static Table {
        match self {
            Self::Ashton => &tables::ashton::TABLE,
            Self::VaDod => &tables::va_dod::TABLE,
            Self::Dutch => &tables::dutch::TABLE,
            Self::Norwegian => &tables::norwegian::TABLE,
        }
    }

    /// Every molecule this table gives a value for, in the catalogue's order.
    pub fn molecules(self) -> impl Iterator<Item = Molecule> {
        Molecule::ALL.into_iter().filter(move |&m| self.equivalent_to_10mg_diazepam(m).is_some())
    }

    /// mg of `molecule` approximately equivalent to 10 mg diazepam, per this table; None = this
    /// table gives no value (unknown, never guess).
    pub fn equivalent_to_10mg_diazepam(self, molecule: Molecule) -> Option<MgRange> {
        self.table().values.iter().find(|(m, _)| *m == molecule).map(|(_, eq)| *eq)
    }

    /// Diazepam-equivalent range of `mg` of `molecule`: mg * 10 / eq, so low uses eq.high and
    /// high uses eq.low. None when unknown, so an unknown never silently counts as zero.
    pub fn diazepam_equivalent(self, molecule: Molecule, mg: f64) -> Option<MgRange> {
        let eq = self.equivalent_to_10mg_diazepam(molecule)?;
        if eq.low <= 0.0 || !mg.is_finite() {
            return None;
        }
        Some(MgRange::new(mg * 10.0 / eq.high, mg * 10.0 / eq.low))
    }
}

/// Which diazepam-equivalence table a figure used, with its source, so a reader can check it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TableRef {
    /// Stable key, e.g. "ashton".
    pub key: String,
    /// Short name.
    pub name: String,
    /// Full citation.
    pub source: String,
}

impl From<EquivalenceTable> for TableRef {
    fn from(t: EquivalenceTable) -> Self {
        Self { key: t.key().into(), name: t.name().into(), source: t.source().into() }
    }
}

/// Other spellings of INNs (acid, other languages) seen on boxes and prescriptions.
const ALIASES: &[(&str, Molecule)] = &[
    ("clorazepic", Clorazepate),
    ("zopiclon", Zopiclone),
    ("zopiklon", Zopiclone),
    ("loflazepate", EthylLoflazepate),
    ("loflazepate d ethyle", EthylLoflazepate),
    ("oksazepam", Oxazepam),
    ("klonazepam", Clonazepam),
];

/// Salt and form words dropped before matching ("zolpidem tartrate" is zolpidem).
const SALT_WORDS: &str = "acid dipotassium potassium dikalium tartrate tartraat hydrochloride hcl";

/// Lowercase, accent-folded, ASCII-alphanumeric-only form of `name`, without salt words: the one
/// allocation `lookup` makes.
pub(crate) fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut word_start = 0;
    let chars = name.chars().flat_map(char::to_lowercase).map(fold);
    for c in chars.chain([' ']) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
            continue;
        }
        let word = out.get(word_start..);
        if word.is_some_and(|w| SALT_WORDS.split(' ').any(|salt| salt == w)) {
            out.truncate(word_start);
        }
        word_start = out.len();
    }
    out
}

/// Drops the accents found in Belgian, Dutch, French and Norwegian spellings ("lorazépam").
fn fold(c: char) -> char {
    const ACCENTED: &str = "àáâãäåèéêëìíîïòóôõöøùúûüçñ";
    const PLAIN: &str = "aaaaaaeeeeiiiioooooouuuucn";
    let mut pairs = ACCENTED.chars().zip(PLAIN.chars());
    pairs.find(|&(a, _)| a == c).map_or(c, |(_, p)| p)
}

/// True when the static name, compacted the same way as `normalise`, equals `key`.
fn same(key: &str, name: &str) -> bool {
    let compact = name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase());
    compact.eq(key.chars())
}

/// Case-insensitive lookup of a molecule by INN, common spelling or any brand name of any
/// country, so whatever is printed on the box resolves to a molecule. None for unknown names.
pub fn lookup(name: &str) -> Option<Molecule> {
    let key = normalise(name);
    if key.is_empty() {
        return None;
    }
    let by_inn = Molecule::ALL.into_iter().find(|m| same(&key, m.name()));
    by_inn
        .or_else(|| ALIASES.iter().find(|(a, _)| same(&key, a)).map(|(_, m)| *m))
        .or_else(|| Molecule::ALL.into_iter().find(|m| m.brands().iter().any(|b| same(&key, b.name))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use EquivalenceTable::*;

    // Copied verbatim from shared/domain.md, "Diazepam equivalents" (the Ashton page's values),
    // independently of the tables.
    const DOMAIN_ASHTON: &str = "alprazolam 0.5 · bromazepam 5–6 · chlordiazepoxide 25 · \
        clobazam 20 · clonazepam 0.5 · clorazepate 15 · diazepam 10 · estazolam 1–2 · \
        flunitrazepam 1 · flurazepam 15–30 · loprazolam 1–2 · lorazepam 1 · lormetazepam 1–2 · \
        nitrazepam 10 · oxazepam 20 · prazepam 10–20 · temazepam 20 · triazolam 0.5 · \
        zaleplon 20 · zolpidem 20 · zopiclone 15 · eszopiclone 3";

    // ASAM Joint Clinical Practice Guideline on Benzodiazepine Tapering (2025), Table 7
    // "Benzodiazepine Approximate Dose Equivalents to 10 mg Oral Diazepam", as printed (row:
    // benzodiazepine, VA/DoD SUD CPG 2021 column, Ashton Manual column);
    // https://eguideline.guidelinecentral.com/i/1532950/18. Quazepam has no Molecule.
    const ASAM_TABLE_7: &str = "Alprazolam 1 0.5 · Chlordiazepoxide 25 25 · Clonazepam 1 0.5 · \
        Clorazepate 15 15 · Diazepam 10 10 · Estazolam 1 1–2 · Flurazepam 15 15–30 · \
        Lorazepam 2 1 · Oxazepam 30 20 · Quazepam 10 20 · Temazepam 15 20 · Triazolam 0.25 0.5";

    // Helsedirektoratet, Vanedannende legemidler, 1.1 "Oversikt og ekvipotens for benzodiazepiner
    // og z-hypnotika", column "Ekvipotens til 5 mg diazepam", as printed (Norwegian names, comma
    // decimals).
    const HELSEDIR_PER_5MG: &str = "Flunitrazepam 0,25-0,5 · Nitrazepam 5 · Zolpidem 5-10 · \
        Zopiklon 3,75-5 · Alprazolam 0,25-0,5 · Diazepam 5 · Oksazepam 15-25 · \
        Klonazepam 0,25-0,5";
    // The same guide's "Ekvipotens av dose …" page (19.10.2021), column "Dose ekvivalent til 10 mg
    // Diazepam", as printed: the doubling above must give these.
    const HELSEDIR_PER_10MG: &str = "Alprazolam 0,5-1 · Diazepam 10 · Flunitrazepam 0,5-1 · \
        Klonazepam 0,5-1 · Nitrazepam 10 · Oksazepam 30-50 · Zolpidem 10-20 · Zopiclon 7,5-10";

    // Novadic-Kentron, "Omrekentabel naar Diazepam", as printed: Stofnaam, Voorbeeld-dosis,
    // Equivalente dosis Diazepam (rows readable offline; Ketazolam has no Molecule).
    const NOVADIC_KENTRON: &str = "Alprazolam 1 10 · Bromazepam 10 10 · Brotizolam 0,25 10 · \
        Chloordiazepoxide 30 15 · Clobazam 20 10 · Clonazepam 0,5 10 · Clorazepinezuur 20 15 · \
        Diazepam 10 10 · Flunitrazepam 1 10 · Flurazepam 30 10 · Ketazolam 60 10 · \
        Loprazolam 1 10 · Lorazepam 2,5 12,5 · Lormetazepam 1 10";

    /// A molecule by its English, Dutch or Norwegian name as printed in a source; None when
    /// Steady does not catalogue it (quazepam, ketazolam).
    fn by_printed_name(name: &str) -> Option<Molecule> {
        let name = name.to_lowercase();
        let local = [
            ("zopiklon", Zopiclone),
            ("zopiclon", Zopiclone),
            ("oksazepam", Oxazepam),
            ("klonazepam", Clonazepam),
            ("chloordiazepoxide", Chlordiazepoxide),
            ("clorazepinezuur", Clorazepate),
        ];
        let found = local.iter().find(|(n, _)| *n == name).map(|(_, m)| *m);
        found.or_else(|| Molecule::ALL.into_iter().find(|m| m.name() == name))
    }

    fn num(s: &str) -> f64 {
        s.replace(',', ".").parse().expect("number")
    }

    /// "a", "a–b" or "a-b" (decimal point or comma) into (low, high).
    fn range(s: &str) -> (f64, f64) {
        let (lo, hi) = s.split_once(['–', '-']).unwrap_or((s, s));
        (num(lo), num(hi))
    }

    /// Rows "name v1 v2 …" separated by `·` into (name, values).
    fn rows(text: &str) -> Vec<(&str, Vec<&str>)> {
        fn row(r: &str) -> (&str, Vec<&str>) {
            let mut words = r.split_whitespace();
            (words.next().expect("name"), words.collect())
        }
        text.split('·').map(row).collect()
    }

    /// Parses "name a–b · name c" (or comma-separated) into (molecule, low, high).
    fn parse_domain(text: &str) -> Vec<(Molecule, f64, f64)> {
        let item = |(name, v): (&str, Vec<&str>)| {
            let (lo, hi) = range(v[0]);
            (by_printed_name(name).expect(name), lo, hi)
        };
        rows(text).into_iter().map(item).collect()
    }

    fn check_table(table: EquivalenceTable, expected: &[(Molecule, f64, f64)]) {
        for m in Molecule::ALL {
            let want = expected.iter().find(|e| e.0 == m);
            let got = table.equivalent_to_10mg_diazepam(m);
            match (want, got) {
                (Some(&(_, lo, hi)), Some(g)) => {
                    let close = (g.low - lo).abs() < 1e-9 && (g.high - hi).abs() < 1e-9;
                    assert!(close, "{table:?} {m:?}: expected {lo}–{hi}, got {g:?}");
                }
                (None, None) => {}
                _ => panic!("{table:?} {m:?}: expected {want:?}, got {got:?}"),
            }
        }
    }

    #[test]
    fn ashton_matches_the_2007_page_and_asam_table_7() {
        let expected = parse_domain(DOMAIN_ASHTON);
        assert_eq!(expected.len(), 22);
        check_table(Ashton, &expected);
        // ASAM's Ashton column agrees with every value it reprints.
        for (name, v) in rows(ASAM_TABLE_7) {
            let Some(m) = by_printed_name(name) else { continue };
            let (lo, hi) = range(v[1]);
            assert_eq!(Ashton.equivalent_to_10mg_diazepam(m), Some(MgRange::new(lo, hi)), "{m:?}");
        }
        for m in [EthylLoflazepate, Clotiazepam, Brotizolam] {
            assert_eq!(Ashton.equivalent_to_10mg_diazepam(m), None, "{m:?}");
        }
        assert_eq!(EquivalenceTable::default(), Ashton);
        assert!(Ashton.source().contains("revised April 2007"), "{}", Ashton.source());
        assert!(Ashton.source().contains("https://www.benzo.org.uk/bzequiv.htm"));
        assert!(!Ashton.source().contains("2002"));
    }

    #[test]
    fn va_dod_matches_asam_2025_table_7() {
        let printed = rows(ASAM_TABLE_7);
        assert_eq!(printed.len(), 12);
        let expected: Vec<_> = printed
            .into_iter()
            .filter_map(|(name, v)| {
                let (lo, hi) = range(v[0]);
                by_printed_name(name).map(|m| (m, lo, hi))
            })
            .collect();
        assert_eq!(expected.len(), 11, "quazepam is the only row without a Molecule");
        check_table(VaDod, &expected);
        assert_eq!(VaDod.molecules().count(), 11);
        assert!(VaDod.source().contains("Table 7") && VaDod.source().contains("2025"));
        assert!(VaDod.source().contains("https://"));
    }

    #[test]
    fn norwegian_is_helsedirektoratet_per_5mg_doubled() {
        let doubled: Vec<_> = rows(HELSEDIR_PER_5MG)
            .into_iter()
            .map(|(name, v)| {
                let (lo, hi) = range(v[0]);
                (by_printed_name(name).expect(name), 2.0 * lo, 2.0 * hi)
            })
            .collect();
        assert_eq!(doubled.len(), 8);
        check_table(Norwegian, &doubled);
        check_table(Norwegian, &parse_domain(HELSEDIR_PER_10MG));
        assert_eq!(Norwegian.equivalent_to_10mg_diazepam(Zolpidem), Some(MgRange::new(10.0, 20.0)));
        assert_eq!(Norwegian.equivalent_to_10mg_diazepam(Lorazepam), None, "not marketed in NO");
        assert!(Norwegian.source().contains("5 mg diazepam doubled to 10 mg"));
        assert!(Norwegian.source().contains("https://www.helsedirektoratet.no/"));
    }

    #[test]
    fn dutch_is_novadic_kentron_scaled_to_10mg() {
        let scaled: Vec<_> = rows(NOVADIC_KENTRON)
            .into_iter()
            .filter_map(|(name, v)| {
                let (example, diazepam) = (num(v[0]), num(v[1]));
                by_printed_name(name).map(|m| (m, example * 10.0 / diazepam, example * 10.0 / diazepam))
            })
            .collect();
        assert_eq!(scaled.len(), 13, "ketazolam is the only row without a Molecule");
        check_table(Dutch, &scaled);
        assert_eq!(Dutch.equivalent_to_10mg_diazepam(Bromazepam), Some(MgRange::exact(10.0)));
        assert_eq!(Dutch.equivalent_to_10mg_diazepam(Lormetazepam), Some(MgRange::exact(1.0)));
        assert!(Dutch.source().contains("https://www.novadic-kentron.nl/"));
    }

    #[test]
    fn every_table_is_cited_and_keyed() {
        let counts: Vec<usize> = EquivalenceTable::ALL.iter().map(|t| t.molecules().count()).collect();
        assert_eq!(counts, [22, 11, 13, 8], "Ashton, VA/DoD, Dutch, Norwegian");
        for &t in EquivalenceTable::ALL {
            assert_eq!(t.equivalent_to_10mg_diazepam(Diazepam), Some(MgRange::exact(10.0)));
            assert_eq!(t.equivalent_to_10mg_diazepam(EthylLoflazepate), None);
            assert_eq!(t.equivalent_to_10mg_diazepam(Clotiazepam), None);
            assert!(t.source().contains("https://"), "{t:?} cites no URL");
            assert!(t.source().chars().any(|c| c.is_ascii_digit()), "{t:?} cites no year/table");
            assert!(!t.name().is_empty());
            assert_eq!(EquivalenceTable::parse(t.key()), Some(t));
            assert_eq!(EquivalenceTable::parse(&t.key().to_uppercase()), Some(t));
        }
        assert_eq!(EquivalenceTable::parse("nope"), None);
    }

    #[test]
    fn diazepam_equivalent_ranges() {
        let de = |t: EquivalenceTable, m, mg| t.diazepam_equivalent(m, mg);
        assert_eq!(de(Ashton, Lormetazepam, 2.0), Some(MgRange::new(10.0, 20.0)));
        assert_eq!(de(Ashton, Alprazolam, 0.5), Some(MgRange::exact(10.0)));
        assert_eq!(de(Ashton, Zolpidem, 10.0), Some(MgRange::exact(5.0)));
        assert_eq!(de(Dutch, Lormetazepam, 2.0), Some(MgRange::exact(20.0)));
        assert_eq!(de(Ashton, Clotiazepam, 5.0), None);
        assert_eq!(de(Dutch, Zolpidem, 10.0), None);
        assert_eq!(de(Norwegian, Zolpidem, 10.0), Some(MgRange::new(5.0, 10.0)));
        assert_eq!(de(VaDod, Triazolam, 0.25), Some(MgRange::exact(10.0)));
    }

    #[test]
    fn mg_range_arithmetic() {
        let r = MgRange::new(2.0, 1.0);
        assert_eq!((r.low, r.high), (1.0, 2.0));
        assert_eq!(MgRange::ZERO.add(r).add(MgRange::exact(1.0)), MgRange::new(2.0, 3.0));
        assert_eq!(r.scale(2.0), MgRange::new(2.0, 4.0));
        assert_eq!(r.scale(-1.0), MgRange::new(-2.0, -1.0));
    }

    #[test]
    fn lookup_by_brand_inn_and_spelling() {
        let cases = [
            ("Stilnoct", Zolpidem),
            ("LORAMET", Lormetazepam),
            ("noctamid", Lormetazepam),
            ("Lexotan", Bromazepam),
            ("Temesta", Lorazepam),
            ("Xanax", Alprazolam),
            ("Imovane", Zopiclone),
            (" Diazepam ", Diazepam),
            ("clorazepic acid", Clorazepate),
            ("dipotassium clorazepate", Clorazepate),
            ("zopiclon", Zopiclone),
            ("zolpidem tartrate", Zolpidem),
            ("ethyl-loflazepate", EthylLoflazepate),
            ("loflazepate", EthylLoflazepate),
            ("Lorazépam", Lorazepam),
        ];
        for (name, want) in cases {
            assert_eq!(lookup(name), Some(want), "{name}");
        }
        for name in ["unknown", "aspirin", "", "   ", "tartrate"] {
            assert_eq!(lookup(name), None, "{name}");
        }
    }

    /// Brands of `m` sold in `c`, by name.
    fn sold_in(m: Molecule, c: Country) -> Vec<&'static str> {
        m.brands().iter().filter(|b| b.countries.contains(&c)).map(|b| b.name).collect()
    }

    #[test]
    fn brands_per_country_follow_the_national_registers() {
        use Country::*;
        // Issue 14: each line is what the audit found wrong or missing.
        assert_eq!(sold_in(Bromazepam, NL), ["Lexotanil"]);
        assert_eq!(sold_in(Bromazepam, BE), ["Lexotan"]);
        assert!(sold_in(Bromazepam, UK).is_empty(), "bromazepam has no UK licence");
        assert_eq!(sold_in(Flurazepam, NL), ["Dalmadorm"]);
        assert_eq!(sold_in(Flurazepam, BE), ["Staurodorm"]);
        assert!(sold_in(Lorazepam, NO).is_empty(), "lorazepam is not marketed in Norway");
        assert_eq!(sold_in(Lorazepam, UK), ["Ativan"]);
        assert!(sold_in(Lormetazepam, FR).contains(&"Noctamide"));
        assert_eq!(sold_in(Brotizolam, BE), ["Lendormin"]);
        assert_eq!(sold_in(Brotizolam, NL), ["Lendormin"]);
        for (name, want) in [
            ("Noctamide", Lormetazepam),
            ("Lexotanil", Bromazepam),
            ("Dalmadorm", Flurazepam),
            ("Lendormin", Brotizolam),
            ("brotizolam", Brotizolam),
        ] {
            assert_eq!(lookup(name), Some(want), "{name}");
        }
        assert_eq!(Brotizolam.atc(), "N05CD09");
        // Brotizolam: only the Dutch table gives it a value (0.25 mg ≈ 10 mg diazepam).
        assert_eq!(Dutch.diazepam_equivalent(Brotizolam, 0.25), Some(MgRange::exact(10.0)));
    }

    #[test]
    fn catalogue_is_consistent() {
        let mut atcs: Vec<&str> = Molecule::ALL.iter().map(|m| m.atc()).collect();
        assert!(atcs.iter().all(|a| a.len() == 7));
        atcs.sort_unstable();
        atcs.dedup();
        assert_eq!(atcs.len(), Molecule::ALL.len(), "duplicate ATC code");
        let mut names: Vec<String> = Vec::new();
        for m in Molecule::ALL {
            assert_eq!(lookup(m.name()), Some(m));
            assert!(!m.brands().is_empty(), "{m:?} has no brand");
            let s = m.usual_strengths_mg();
            assert!(!s.is_empty() && s.iter().all(|&mg| mg > 0.0), "{m:?}");
            assert!(s.windows(2).all(|w| w[0] < w[1]), "{m:?} strengths not ascending");
            names.push(normalise(m.name()));
            for b in m.brands() {
                assert!(!b.countries.is_empty(), "{}", b.name);
                assert_eq!(lookup(b.name), Some(m), "{}", b.name);
                names.push(normalise(b.name));
            }
        }
        let total = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), total, "a brand or INN maps to two molecules");
    }
}
