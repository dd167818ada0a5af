//! The phones' surface, called as the bindings call it: the same default period and limits as the
//! CLI, typed refusals, and a foreign key provider.

use std::sync::Arc;

use chrono::{Days, NaiveDate};
use steady_core::domain::{
    DoseDraft, EntryDraft, Field, Lang, PatientIdentity, Problem, Rule, SettingChange,
};
use steady_core::ffi::{
    default_period, error_message, summary_period, KeyProvider, SteadyDiary, SteadyError,
};
use steady_core::{ExportFormat, SummaryRequest};

struct Key;

impl KeyProvider for Key {
    fn get_or_create_key(&self) -> Result<Vec<u8>, SteadyError> {
        Ok(vec![5; 32])
    }
}

#[test]
fn the_phones_get_the_default_period_and_the_limits_of_every_shell() {
    let dir = tempfile::tempdir().unwrap();
    let phone = SteadyDiary::open(dir.path().display().to_string(), Arc::new(Key)).unwrap();
    // The diary day (day start 04:00 by default): at 01:00 it is still the evening before.
    let today = phone.today().unwrap().date;
    let yesterday = today - Days::new(1);

    // Nothing chosen: the 8 weeks ending with the last complete diary day (today is unfinished).
    let screen = phone.summary_screen(SummaryRequest::default()).unwrap();
    assert_eq!((screen.to, screen.days.len()), (yesterday, 56));
    assert_eq!(screen.from, yesterday - Days::new(55));
    assert_eq!(default_period(today).unwrap(), vec![screen.from, screen.to]);
    assert_eq!(summary_period(None, None, today).unwrap(), vec![screen.from, screen.to]);
    assert_eq!(summary_period(None, Some(today), today).unwrap(), vec![today - Days::new(55), today]);
    let file =
        phone.summary(SummaryRequest { format: ExportFormat::Json, ..SummaryRequest::default() }).unwrap();
    assert!(
        file.file_name.ends_with(&format!("{}-{yesterday}.json", yesterday - Days::new(55))),
        "{}",
        file.file_name
    );

    // The same limits as the CLI: backwards and over twenty years are refused, typed.
    let from = |y, m, d| Some(NaiveDate::from_ymd_opt(y, m, d).unwrap());
    let backwards =
        SummaryRequest { from: Some(today + Days::new(1)), to: Some(today), ..SummaryRequest::default() };
    match phone.summary(backwards) {
        Err(SteadyError::InvalidInput { field, problem, .. }) => {
            assert_eq!(
                (field, problem),
                (Field::From, Problem::Inconsistent { rule: Rule::PeriodStartsAfterEnd })
            )
        }
        other => panic!("a backwards period is refused: {:?}", other.map(|f| f.file_name)),
    }
    let overlong = SummaryRequest { from: from(1990, 1, 1), ..SummaryRequest::default() };
    match phone.summary_screen(overlong) {
        Err(SteadyError::InvalidInput { field, problem, .. }) => {
            assert_eq!((field, problem), (Field::From, Problem::Inconsistent { rule: Rule::PeriodTooLong }))
        }
        other => panic!("a period over twenty years is refused: {:?}", other.is_ok()),
    }
}

#[test]
fn a_refused_value_comes_back_once_typed_with_its_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let phone = SteadyDiary::open(dir.path().display().to_string(), Arc::new(Key)).unwrap();
    let anxiety = EntryDraft::Anxiety { at: None, score: 11, note: None };
    match phone.log(anxiety) {
        Err(SteadyError::InvalidInput { field, problem, detail }) => {
            assert_eq!((field, problem), (Field::Score, Problem::OutOfRange { min: 0, max: 10 }));
            assert_eq!(detail, "Anxiety must be between 0 and 10.");
        }
        other => panic!("refused: {:?}", other.is_ok()),
    }
    let dose = DoseDraft { drug: "Xanax".into(), tablets: Some(1.0), ..DoseDraft::default() };
    match phone.log(EntryDraft::Dose(dose)) {
        Err(SteadyError::InvalidInput { field, problem, .. }) => {
            assert_eq!((field, problem), (Field::StrengthMg, Problem::Required))
        }
        other => panic!("refused: {:?}", other.is_ok()),
    }
    assert_eq!(phone.status().unwrap().entry_count, 0, "nothing was written");
    // The same refusal in the patient's language once they chose French.
    phone.change_setting(SettingChange::Language { language: Lang::Fr }).unwrap();
    match phone.log(EntryDraft::Anxiety { at: None, score: 11, note: None }) {
        Err(SteadyError::InvalidInput { detail, .. }) => {
            assert!(detail.contains("10") && detail.contains("nxiété"), "in French: {detail}");
            assert_eq!(SteadyError::Locked.in_words(Lang::Nl), error_message(SteadyError::Locked, Lang::Nl));
        }
        other => panic!("refused: {:?}", other.is_ok()),
    }
}

#[test]
fn the_phones_enter_the_patient_identity_and_export_the_ips_in_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let phone = SteadyDiary::open(dir.path().display().to_string(), Arc::new(Key)).unwrap();
    let fhir = |ips: bool, language: Option<Lang>| -> serde_json::Value {
        let req = SummaryRequest { format: ExportFormat::Fhir, ips, language, ..SummaryRequest::default() };
        serde_json::from_slice(&phone.summary(req).unwrap().bytes).unwrap()
    };
    let ips = fhir(true, Some(Lang::Nl));
    assert_eq!(ips["language"], "nl");
    assert_eq!(ips["entry"][0]["resource"]["type"]["coding"][0]["code"], "60591-5");
    assert!(ips["entry"][1]["resource"].get("birthDate").is_none(), "nothing entered, nothing invented");
    let birth = NaiveDate::from_ymd_opt(1961, 4, 2).unwrap();
    let identity = PatientIdentity { name: Some("Sam Peeters".into()), birth_date: Some(birth) };
    let settings = phone.change_setting(SettingChange::Patient { identity: Some(identity) }).unwrap();
    assert_eq!(settings.patient.and_then(|p| p.name).as_deref(), Some("Sam Peeters"));
    let ips = fhir(true, None);
    let patient = &ips["entry"][1]["resource"];
    assert_eq!(
        (patient["name"][0]["text"].as_str(), patient["birthDate"].as_str()),
        (Some("Sam Peeters"), Some("1961-04-02"))
    );
    let plain = fhir(false, None);
    assert!(!plain.to_string().contains("Sam Peeters"), "never in the plain export");
    // A birth date in the future is refused, typed.
    let future =
        PatientIdentity { name: None, birth_date: Some(NaiveDate::from_ymd_opt(2999, 1, 1).unwrap()) };
    match phone.change_setting(SettingChange::Patient { identity: Some(future) }) {
        Err(SteadyError::InvalidInput { field, problem, .. }) => {
            assert_eq!((field, problem), (Field::BirthDate, Problem::InFuture))
        }
        other => panic!("refused: {:?}", other.is_ok()),
    }
}
