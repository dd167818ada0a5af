//! The words of the app's chrome — screen titles, buttons, confirmations — in the patient's
//! language, as one typed record: a shell names `labels.action_taken`, never writes "Taken".
//! Asked once per language (at start and when the patient changes it), not with every view.

use serde::Serialize;

use crate::i18n::Texts;

/// Declares the record and fills each field from the Fluent message of the same name
/// (`action_taken` ← `action-taken`), so a field can never point at the wrong message.
macro_rules! labels {
    ($($field:ident,)*) => {
        /// Screen titles and button labels.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
        #[allow(missing_docs)]
        pub struct AppLabels {
            $(pub $field: String,)*
        }

        impl AppLabels {
            /// Every label in `t`'s language.
            pub fn new(t: &Texts) -> Self {
                Self { $($field: t.t(&stringify!($field).replace('_', "-")),)* }
            }

            /// The Fluent ids the labels come from (for the id-parity test).
            pub fn ids() -> Vec<String> {
                vec![$(stringify!($field).replace('_', "-"),)*]
            }
        }
    };
}

labels! {
    screen_today,
    screen_log,
    screen_medicines,
    screen_plan,
    screen_goals,
    screen_questions,
    screen_history,
    screen_summary,
    screen_settings,
    screen_unlock,
    action_save,
    action_cancel,
    action_edit,
    action_delete,
    action_delete_confirm,
    action_taken,
    action_skipped,
    action_something_else,
    action_add_medicine,
    action_change_medicine,
    action_stop_medicine,
    action_log_dose,
    action_log_sleep,
    action_log_anxiety,
    action_log_gad7,
    action_add_question,
    action_question_done,
    action_set_goal,
    action_review_goal,
    action_create_plan,
    action_hold,
    action_resume,
    action_adjust,
    action_end_plan,
    action_calendar,
    action_share,
    action_make_summary,
    action_backup,
    action_restore,
    action_erase,
    action_erase_confirm,
    action_unlock,
    action_recover,
    settings_app_lock,
    shell_loading,
    shell_locked,
    shell_unlock_reason,
    shell_unlock_failed,
    shell_key_lost_title,
    shell_key_lost_body,
    shell_damaged_title,
    shell_error_title,
    shell_nothing_yet,
    shell_no_plan,
    shell_no_question,
    shell_summary_period,
    shell_summary_format,
    shell_summary_language,
    shell_summary_leave_out,
    shell_format_text,
    shell_format_pdf,
    shell_format_csv,
    shell_format_fhir,
    shell_format_json,
    shell_language_en,
    shell_language_fr,
    shell_language_nl,
    shell_language_nb,
    shell_reminders,
    shell_reminders_allow,
    shell_backup_passphrase,
    shell_backup_passphrase_again,
    shell_backup_passphrase_help,
    shell_backup_mismatch,
    shell_backup_done,
    shell_restore_done,
    shell_erase_done,
    shell_undo,
    shell_close,
    shell_now,
    shell_time_taken,
    shell_more,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Keyed, Lang};

    #[test]
    fn every_label_has_words_in_every_language() {
        for &lang in Lang::ALL {
            let t = Texts::new(lang);
            for id in AppLabels::ids() {
                assert!(t.has(&id), "{lang}: {id}");
            }
        }
        assert_eq!(AppLabels::new(&Texts::new(Lang::En)).action_taken, "Taken");
    }
}
