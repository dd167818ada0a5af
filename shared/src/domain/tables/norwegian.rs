//! Norwegian Directorate of Health equivalence values.
//!
//! Source: Helsedirektoratet, nasjonal veileder "Vanedannende legemidler" (successor of IS-2014
//! "Vanedannende legemidler – forskrivning og forsvarlighet"), section 1.1 "Oversikt og
//! ekvipotens for benzodiazepiner og z-hypnotika", column "Ekvipotens til 5 mg diazepam";
//! https://www.helsedirektoratet.no/veiledere/vanedannende-legemidler/grunnleggende-om-vanedannende-legemidler/oversikt-og-ekvipotens-for-benzodiazepiner-og-z-hypnotika
//! The table gives doses per 5 mg diazepam; every value below is that figure doubled to the 10 mg
//! reference (`per_5mg`). The same guide's page "Ekvipotens av dose med benzodiazepiner og
//! benzodiazepinlignende legemidler" (first published 19.10.2021) prints the doubled values per
//! 10 mg directly and agrees. Eight molecules; the guide gives no value for lorazepam, triazolam,
//! clobazam or bromazepam (named there only as used on exemption).

use super::super::catalogue::Molecule::*;
use super::{per_5mg, Table};

pub(crate) const TABLE: Table = Table {
    name: "Norwegian Directorate of Health",
    source: "Helsedirektoratet (Norwegian Directorate of Health), nasjonal veileder \
             Vanedannende legemidler (successor of IS-2014), 1.1 Oversikt og ekvipotens for \
             benzodiazepiner og z-hypnotika, values per 5 mg diazepam doubled to 10 mg, \
             https://www.helsedirektoratet.no/veiledere/vanedannende-legemidler",
    values: &[
        (Alprazolam, per_5mg(0.25, 0.5)),
        (Clonazepam, per_5mg(0.25, 0.5)),
        (Diazepam, per_5mg(5.0, 5.0)),
        (Flunitrazepam, per_5mg(0.25, 0.5)),
        (Nitrazepam, per_5mg(5.0, 5.0)),
        (Oxazepam, per_5mg(15.0, 25.0)),
        (Zolpidem, per_5mg(5.0, 10.0)),
        (Zopiclone, per_5mg(3.75, 5.0)),
    ],
};
