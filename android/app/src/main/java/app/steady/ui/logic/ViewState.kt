package app.steady.ui.logic

import app.steady.core.DeTotal
import app.steady.core.DiaryStatus
import app.steady.core.EntryKind
import app.steady.core.EntryRow
import app.steady.core.EquivalenceTable
import app.steady.core.ExportFormat
import app.steady.core.Hideable
import app.steady.core.Lang
import app.steady.core.PlanView
import app.steady.core.SummaryRequest
import app.steady.core.SummaryScreen
import app.steady.core.TodayView
import app.steady.core.Use
import app.steady.core.defaultPeriod
import java.time.LocalDate

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.
//
// The core's views, reshaped for Compose: numbers formatted, nothing computed that the core did not
// compute. Words and units come from strings.xml in the Compose layer.

/** The page a shell shows, as the core built it (the core has no "current page": the shell asks). */
sealed interface Screen {
    /** Before the diary is open. */
    object Loading : Screen

    data class Today(val today: TodayView) : Screen

    data class History(val entries: List<EntryRow>) : Screen

    data class Summary(val summary: SummaryScreen) : Screen

    /** `plan` is `null` when no plan was ever made. */
    data class Plan(val plan: PlanView?) : Screen
}

/** Everything a shell renders: the page shown and the diary's status (entries, damaged, table). */
data class DiaryView(val screen: Screen, val status: DiaryStatus) {
    val entryCount: ULong get() = status.entryCount

    val damagedIds: List<String> get() = status.damagedIds

    val table: EquivalenceTable get() = status.table
}

/** A diazepam-equivalent total line: the range of known doses (null when none is known). */
data class TotalLine(val range: String?, val doses: Int, val unknownDoses: Int) {
    val empty: Boolean get() = doses == 0
}

fun DeTotal.toLine(): TotalLine = TotalLine(
    range = if (doses > unknownDoses) Amounts.range(lowMg, highMg) else null,
    doses = doses.toInt(),
    unknownDoses = unknownDoses.toInt(),
)

/** One dose on the today screen. `de` null = unknown equivalent, never zero. */
data class DoseRow(
    val id: String,
    val time: String,
    val substance: String,
    val mg: String?,
    val tablets: String?,
    val nonPrescribed: Boolean,
    val de: String?,
)

/** Last night: total sleep as hours and minutes, efficiency in whole percent, quality 1–5. */
data class NightRow(val night: String, val sleepHours: Int?, val sleepMinutes: Int?, val efficiencyPercent: Int?, val quality: Int)

/** One bar of the anxiety week; `fraction` is mean / 10 for the bar height, null = no rating. */
data class AnxietyBar(val date: String, val dayOfWeek: java.time.DayOfWeek, val mean: String?, val fraction: Float?)

/** One active goal. */
data class GoalRow(val id: String, val whatMatters: String, val description: String, val nextReview: String?, val reviewDue: Boolean)

/** Everything the Today screen draws. */
data class TodayState(
    val date: String,
    val tableName: String,
    val doses: List<DoseRow>,
    val prescribed: TotalLine,
    val nonPrescribed: TotalLine,
    val lastNight: NightRow?,
    val anxietyWeek: List<AnxietyBar>,
    val anxietyMean: String?,
    val goals: List<GoalRow>,
) {
    /** Non-prescribed use gets its own line only when there is some: logged plainly, kept apart. */
    val showNonPrescribed: Boolean get() = !nonPrescribed.empty
}

fun TodayView.toState(): TodayState = TodayState(
    date = date,
    tableName = table.name,
    doses = doses.map {
        DoseRow(
            id = it.id,
            time = it.time,
            substance = it.substance,
            mg = it.mg?.let(Amounts::number),
            tablets = it.tablets?.let(Amounts::tablets),
            nonPrescribed = it.use == Use.NON_PRESCRIBED,
            de = it.de?.let { range -> Amounts.range(range.low, range.high) },
        )
    },
    prescribed = totals.prescribed.toLine(),
    nonPrescribed = totals.nonPrescribed.toLine(),
    lastNight = lastNight?.let { n ->
        val hm = n.totalSleepH?.let(Amounts::hoursAndMinutes)
        NightRow(n.night, hm?.first, hm?.second, n.efficiencyPercent?.let { Math.round(it).toInt() }, n.quality.toInt())
    },
    anxietyWeek = anxiety7d.map {
        AnxietyBar(
            date = it.date,
            dayOfWeek = LocalDate.parse(it.date).dayOfWeek,
            mean = it.mean?.let { m -> Amounts.number(Math.round(m * 10) / 10.0) },
            fraction = it.mean?.let { m -> (m / 10.0).coerceIn(0.0, 1.0).toFloat() },
        )
    },
    anxietyMean = anxiety7dMean?.let { Amounts.number(Math.round(it * 10) / 10.0) },
    goals = goals.map { GoalRow(it.id, it.whatMatters, it.description, it.nextReview, it.reviewDue) },
)

/** One day of the history list, newest day first, entries in time order within the day. */
data class HistoryDay(val date: String, val entries: List<EntryRow>)

/** The core lists entries oldest first; a phone shows the newest day on top. */
fun List<EntryRow>.byDayNewestFirst(): List<HistoryDay> =
    groupBy { it.date }.toSortedMap(compareByDescending { it }).map { (date, rows) -> HistoryDay(date, rows) }

/** Entries of one kind, for a filter chip. */
fun List<EntryRow>.ofKind(kind: EntryKind?): List<EntryRow> = if (kind == null) this else filter { it.kind == kind }

/** What the current page is, for the shell's navigation; OTHER = a page this shell does not show yet. */
enum class PageKind { LOADING, TODAY, HISTORY, SUMMARY, OTHER }

val DiaryView.page: PageKind
    get() = when (screen) {
        is Screen.Loading -> PageKind.LOADING
        is Screen.Today -> PageKind.TODAY
        is Screen.History -> PageKind.HISTORY
        is Screen.Summary -> PageKind.SUMMARY
        is Screen.Plan -> PageKind.OTHER
    }

val DiaryView.todayState: TodayState? get() = (screen as? Screen.Today)?.today?.toState()

val DiaryView.summaryScreen: SummaryScreen? get() = (screen as? Screen.Summary)?.summary

/**
 * Summary periods offered on the Summary screen, ending today. [DEFAULT] is the core's default
 * period (the last 8 weeks, the usual time between two appointments): the request leaves `from` and
 * `to` out and the core fills them in, as it does for every shell.
 */
enum class SummaryPeriod(val days: Long?) {
    DEFAULT(null),
    LAST_7_DAYS(7),
    LAST_14_DAYS(14),
    LAST_4_WEEKS(28),
    LAST_3_MONTHS(91),
    ;

    /** `from` and `to` as the core reads them, inclusive, `to` = today; DEFAULT asks the core. */
    fun range(today: LocalDate): Pair<String, String> {
        val to = CoreTime.date(today)
        if (days == null) {
            val period = defaultPeriod(to)
            return period[0] to period[1]
        }
        return CoreTime.date(today.minusDays(days - 1)) to to
    }
}

/**
 * Summary languages offered. The core renders more (French, Dutch, Norwegian Bokmål); the shell
 * offers English only until those renderings have been reviewed with clinicians.
 */
val OFFERED_LANGUAGES: List<Lang> = listOf(Lang.EN)

/** Summary file formats the share sheet offers now (PDF and FHIR join when the screens offer them). */
val SHARE_FORMATS: List<ExportFormat> = listOf(ExportFormat.TEXT, ExportFormat.JSON)

/** The parts of a summary the patient can leave out, in the order the screen lists them. */
val OPTIONAL_SECTIONS: List<Hideable> = Hideable.entries.toList()

/**
 * Everything picked on the Summary screen. `table` null = the diary's current table; `exclude` =
 * what the patient leaves out (the summary then says so), e.g. non-prescribed use.
 */
data class SummaryChoice(
    val period: SummaryPeriod = SummaryPeriod.DEFAULT,
    val language: Lang = Lang.EN,
    val table: EquivalenceTable? = null,
    val format: ExportFormat = ExportFormat.TEXT,
    val exclude: Set<Hideable> = emptySet(),
) {
    fun toggled(section: Hideable): SummaryChoice =
        copy(exclude = if (section in exclude) exclude - section else exclude + section)

    fun includes(section: Hideable): Boolean = section !in exclude

    fun request(today: LocalDate): SummaryRequest {
        val range = if (period == SummaryPeriod.DEFAULT) null else period.range(today)
        return SummaryRequest(
            from = range?.first,
            to = range?.second,
            format = format,
            table = table,
            language = language,
            exclude = OPTIONAL_SECTIONS.filter { it in exclude },
        )
    }
}

/** The view a shell shows before the diary is open. */
fun loadingView(): DiaryView =
    DiaryView(Screen.Loading, DiaryStatus(entryCount = 0uL, damagedIds = emptyList(), table = EquivalenceTable.ASHTON))
