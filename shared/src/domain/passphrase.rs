//! The passphrase policy: what a passphrase being *chosen* (a new diary, a rekey, a backup) must
//! be. Opening never checks it, so a diary or backup made before the policy still opens.
//!
//! Two layers, both pure:
//! - **Always on** (every build, the phones' too): at least [`MIN_CHARS`] characters (Bitwarden's
//!   minimum); not mostly repeated or sequential characters (`aaaa…`, `1234…`, `abcabc…`, keyboard
//!   rows); not a common password or word from a short built-in list, however decorated with
//!   digits, symbols, capitals or look-alike digits (`P@ssw0rd1234`).
//! - **With the `strength` feature** (the desktop CLI): zxcvbn's estimate must be at least 3 of 4
//!   (more than 10⁸ guesses: at Argon2id's cost per guess, years of one core), with the product's
//!   own words as context. zxcvbn's dictionaries and regex engines do not fit in the phones'
//!   library budget (see README, "Passphrases").
//!
//! Every refusal is a [`ValidationError`] on [`Field::Passphrase`] naming one [`Rule`], so each
//! shell says why in the patient's language.

use super::error::{Field, Problem, Rule, ValidationError};

/// The shortest passphrase accepted, in characters (Unicode scalar values).
pub const MIN_CHARS: usize = 12;

/// Fewer different characters than this is a pattern, not a passphrase.
const MIN_DISTINCT: usize = 5;

/// Words that make a passphrase guessable on their own or glued together, separated by spaces:
/// the most common passwords' letters (cracking lists start with them), the same in the app's
/// languages, and the product's own context (its name, what it is about, the medicines it records).
const COMMON: &str = "\
    password passw qwerty azerty qwertz qwertyuiop azertyuiop asdfghjkl qsdfghjklm zxcvbnm wxcvbn \
    qazwsx letmein welcome iloveyou admin administrator login master monkey dragon shadow sunshine \
    princess football baseball soccer hockey superman batman trustno starwars freedom whatever \
    secret changeme default pokemon computer internet cheese chocolate flower killer hunter ranger \
    buster tigger pepper ginger maggie jordan harley mustang matrix access summer winter spring \
    autumn michael jennifer charlie thomas daniel hello love pass test user abc qwe asd zaq xsw \
    motdepasse bienvenue jetaime soleil doudou chouchou wachtwoord welkom geheim ikhouvanjou \
    schatje passord hemmelig velkommen jegelskerdeg sommer passe bonjour hallo \
    steady diary dagboek dagbok journal benzo benzodiazepine valium xanax temesta seresta \
    stilnoct imovane diazepam lorazepam alprazolam oxazepam lormetazepam zolpidem zopiclone \
    clonazepam rivotril";

/// Keyboard rows and the digit row: neighbours here count as a sequence (`qwer`, `7890`).
const ROWS: &[&str] = &[
    "1234567890",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "azertyuiop",
    "qsdfghjklm",
    "wxcvbn",
    "qwertzuiop",
    "yxcvbnm",
];

/// The context zxcvbn is given as "user inputs": words an attacker who knows the app would try.
#[cfg(feature = "strength")]
const CONTEXT: &[&str] = &["steady", "diary", "benzodiazepine", "benzo", "taper", "dose", "sleep", "anxiety"];

/// zxcvbn's estimate is computed on at most this many characters (its matching is quadratic);
/// a longer passphrase is at least as strong as its start.
#[cfg(feature = "strength")]
const ESTIMATE_CHARS: usize = 100;

/// Checks a passphrase being chosen. `Ok` when it may be used; otherwise the rule it breaks.
pub fn check(passphrase: &str) -> Result<(), ValidationError> {
    built_in(passphrase)?;
    #[cfg(feature = "strength")]
    if !estimated_strong(passphrase) {
        return Err(refused(Rule::EasyToGuess));
    }
    Ok(())
}

/// The rules every build has: length, patterns, the short list of common words.
pub fn built_in(passphrase: &str) -> Result<(), ValidationError> {
    let lower: Vec<char> = passphrase.chars().flat_map(char::to_lowercase).collect();
    if passphrase.chars().count() < MIN_CHARS {
        return Err(refused(Rule::PassphraseTooShort));
    }
    if repeated_or_sequential(&lower) {
        return Err(refused(Rule::RepeatedOrSequential));
    }
    if common(&lower) {
        return Err(refused(Rule::EasyToGuess));
    }
    Ok(())
}

fn refused(rule: Rule) -> ValidationError {
    ValidationError::new(Field::Passphrase, Problem::not_allowed(rule))
}

/// True when zxcvbn estimates more than 10⁸ guesses (score 3 or 4 of 4).
#[cfg(feature = "strength")]
fn estimated_strong(passphrase: &str) -> bool {
    let start: String = passphrase.chars().take(ESTIMATE_CHARS).collect();
    zxcvbn::zxcvbn(&start, CONTEXT).score() >= zxcvbn::Score::Three
}

/// Few different characters, one short unit repeated, or mostly steps to a neighbour (same
/// character, next or previous letter or digit, next key on a keyboard row).
fn repeated_or_sequential(chars: &[char]) -> bool {
    let mut distinct = chars.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < MIN_DISTINCT {
        return true;
    }
    let n = chars.len();
    if (1..=n / 2).any(|p| (p..n).all(|i| chars[i] == chars[i - p])) {
        return true;
    }
    if n < 2 {
        return false;
    }
    let steps = chars.windows(2).filter(|w| neighbours(w[0], w[1])).count();
    steps * 3 >= (n - 1) * 2
}

fn neighbours(a: char, b: char) -> bool {
    let (x, y) = (u32::from(a), u32::from(b));
    if x.abs_diff(y) <= 1 {
        return true;
    }
    ROWS.iter().any(|row| {
        let row: Vec<char> = row.chars().collect();
        row.windows(2).any(|w| (w[0] == a && w[1] == b) || (w[0] == b && w[1] == a))
    })
}

/// A common word (or several glued together) with at most a few letters and a short or
/// patterned run of digits and symbols around it, read as typed and with look-alike digits
/// read as letters (`p4ssw0rd`).
fn common(lower: &[char]) -> bool {
    let leet: Vec<char> = lower
        .iter()
        .map(|&c| match c {
            '0' => 'o',
            '1' | '!' => 'i',
            '3' => 'e',
            '4' | '@' => 'a',
            '5' | '$' => 's',
            '7' => 't',
            '8' => 'b',
            other => other,
        })
        .collect();
    common_as_read(lower) || common_as_read(&leet)
}

fn common_as_read(chars: &[char]) -> bool {
    let mut letters: String = chars.iter().filter(|c| c.is_alphabetic()).collect();
    let rest: Vec<char> =
        chars.iter().copied().filter(|c| !c.is_alphabetic() && !c.is_whitespace()).collect();
    let mut found = false;
    let mut words: Vec<&str> = COMMON.split_whitespace().collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    for word in words {
        if letters.contains(word) {
            found = true;
            letters = letters.replace(word, "");
        }
    }
    found && letters.chars().count() < 4 && (rest.len() < 6 || repeated_or_sequential(&rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(passphrase: &str) -> Option<Rule> {
        match check(passphrase) {
            Ok(()) => None,
            Err(ValidationError { field: Field::Passphrase, problem: Problem::NotAllowed { rule } }) => {
                Some(rule)
            }
            Err(other) => panic!("unexpected refusal {other:?}"),
        }
    }

    #[test]
    fn short_passphrases_are_refused_by_length_first() {
        assert_eq!(rule("a"), Some(Rule::PassphraseTooShort));
        assert_eq!(rule(""), Some(Rule::PassphraseTooShort));
        assert_eq!(rule("Tr0ub4dor&3"), Some(Rule::PassphraseTooShort), "11 characters");
        assert_eq!("Tr0ub4dor&3".chars().count(), MIN_CHARS - 1);
        // Characters, not bytes: eleven accented letters are still eleven.
        assert_eq!(rule("éàüøæåçñõïë"), Some(Rule::PassphraseTooShort));
        assert!(Rule::PassphraseTooShort.text().contains(&MIN_CHARS.to_string()));
    }

    #[test]
    fn repeated_and_sequential_patterns_are_refused() {
        for weak in [
            "aaaaaaaaaaaa",
            "            ",
            "abababababab",
            "abcabcabcabc",
            "passpasspass",
            "123456789012",
            "abcdefghijklm",
            "zyxwvutsrqpo",
            "qwertyuiop[]",
            "qwerty123456",
            "aabbccddeeffgg",
        ] {
            assert_eq!(rule(weak), Some(Rule::RepeatedOrSequential), "{weak:?}");
        }
    }

    #[test]
    fn common_passwords_are_refused_however_decorated() {
        for weak in [
            "password1234",
            "Password1234",
            "P@ssw0rd2024!",
            "p4ssw0rd-1987",
            "iloveyou1234",
            "monkeydragonshadow",
            "Steady-diary-2026",
            "wachtwoord12",
            "motdepasse!!",
            "Diazepam 2mg",
        ] {
            assert_eq!(rule(weak), Some(Rule::EasyToGuess), "{weak:?}");
        }
    }

    #[test]
    fn good_passphrases_are_accepted() {
        for good in [
            "violet tugboat minus orchard",
            "plume rivière cactus tardif",
            "Kiwi-Fjord-Lantaarn-93",
            // A common word is fine with enough else around it.
            "password 8305 1927 4461 gazebo",
            // Twelve random digits in groups are not a pattern.
            "8305 1927 4461",
        ] {
            assert_eq!(rule(good), None, "{good:?}");
        }
    }

    #[cfg(feature = "strength")]
    #[test]
    fn the_estimate_refuses_what_the_built_in_rules_let_through() {
        // Dictionary words and names the short list does not hold, with a year or a few digits.
        for weak in [
            "Barcelona2019",
            "Michelle1985!",
            "elizabeth1982",
            "dolphins2023!",
            "Liverpool1892",
            "chocolatecake",
        ] {
            assert_eq!(built_in(weak), Ok(()), "{weak:?} passes the built-in rules");
            assert_eq!(rule(weak), Some(Rule::EasyToGuess), "{weak:?}");
        }
    }
}
