package app.steady.ui.logic

import app.steady.core.Lang
import app.steady.core.LocalInstant
import app.steady.core.NaiveDate
import app.steady.core.NaiveTime
import java.math.BigDecimal
import java.math.RoundingMode
import java.text.DecimalFormat
import java.text.DecimalFormatSymbols
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetDateTime
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle
import java.time.format.TextStyle
import java.util.Locale

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.
// Numbers and dates only, never words: every word comes from the core.

/**
 * Instants, dates and clock times in the exact wire forms of the bindings' `LocalInstant`,
 * `NaiveDate` and `NaiveTime` (typealiases of String): RFC 3339, `YYYY-MM-DD`, `HH:MM`; and the
 * `YYYY-MM-DD HH:MM` local form the core's `readInstant` turns into an instant, exactly at DST
 * changes (the shell never computes an offset itself).
 */
object CoreTime {
    // RFC 3339 needs the seconds, which OffsetDateTime.toString() drops when they are zero.
    private val RFC_3339: DateTimeFormatter = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
    private val LOCAL: DateTimeFormatter = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")

    /** `2026-03-01T22:30:00+01:00`. */
    fun instant(t: OffsetDateTime): LocalInstant = t.withNano(0).format(RFC_3339)

    /** `2026-03-01`. */
    fun date(d: LocalDate): NaiveDate = d.toString()

    /** `HH:MM`, 24-hour clock. */
    fun clock(hour: Int, minute: Int): NaiveTime {
        require(hour in 0..23 && minute in 0..59) { "not a clock time: $hour:$minute" }
        return "%02d:%02d".format(hour, minute)
    }

    /** `2026-03-01 22:30`: a local date and clock time, as `readInstant` reads it. */
    fun local(date: LocalDate, time: LocalTime): String = LocalDateTime.of(date, time.withSecond(0).withNano(0)).format(LOCAL)

    /** The local wall-clock date and time of an instant, in the offset it was recorded with. */
    fun localOf(instant: LocalInstant): String = OffsetDateTime.parse(instant).toLocalDateTime().format(LOCAL)

    /** Splits `2026-03-01 22:30` into its date and time; null when it is not that form. */
    fun splitLocal(text: String): Pair<LocalDate, LocalTime>? =
        try {
            LocalDateTime.parse(text.trim(), LOCAL).let { it.toLocalDate() to it.toLocalTime() }
        } catch (e: java.time.format.DateTimeParseException) {
            null
        }

    fun parseDate(date: NaiveDate): LocalDate = LocalDate.parse(date)

    /**
     * "Taken at 23:30", picked just after midnight, means last night: the latest moment at or before
     * [now] whose clock shows [time] (today's, or yesterday's when that is still to come).
     */
    fun latestPast(time: LocalTime, now: LocalDateTime): String {
        val today = LocalDateTime.of(now.toLocalDate(), time.withSecond(0).withNano(0))
        val at = if (today.isAfter(now)) today.minusDays(1) else today
        return local(at.toLocalDate(), at.toLocalTime())
    }

    fun parseClock(time: NaiveTime): LocalTime = LocalTime.parse(time)
}

/** The locale of the patient's language (the diary's setting, not the phone's). */
fun Lang.locale(): Locale = when (this) {
    Lang.EN -> Locale.forLanguageTag("en-GB")
    Lang.FR -> Locale.forLanguageTag("fr-FR")
    Lang.NL -> Locale.forLanguageTag("nl-NL")
    Lang.NB -> Locale.forLanguageTag("nb-NO")
}

/**
 * Numbers and dates in the patient's language: decimal comma in French, Dutch and Norwegian, a
 * point in English; dates spelt the local way. Only for figures the core hands over as numbers
 * (plan steps, chart values); sentences come from the core already formatted.
 */
class Formats(val lang: Lang) {
    private val locale = lang.locale()
    private val decimals = DecimalFormat("0.##", DecimalFormatSymbols.getInstance(locale))
    private val oneDecimal = DecimalFormat("0.#", DecimalFormatSymbols.getInstance(locale))
    private val mediumDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
    private val shortDate = DateTimeFormatter.ofPattern("d MMM", locale)

    /** At most two decimals, no trailing zeros: 2.5 → "2,5" in French. */
    fun number(x: Double): String =
        decimals.format(BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP))

    /** One decimal (means of ratings, hours). */
    fun mean(x: Double): String = oneDecimal.format(BigDecimal.valueOf(x).setScale(1, RoundingMode.HALF_UP))

    /** A range: "10" when both ends agree, else "7,5–15". */
    fun range(low: Double, high: Double): String {
        val (a, b) = number(low) to number(high)
        return if (a == b) a else "$a–$b"
    }

    /** `2026-03-01` → "1 Mar 2026" / "1 mars 2026". */
    fun date(date: NaiveDate): String = CoreTime.parseDate(date).format(mediumDate)

    fun date(date: LocalDate): String = date.format(mediumDate)

    /** `2026-03-01` → "1 Mar" / "1 mars". */
    fun shortDate(date: NaiveDate): String = CoreTime.parseDate(date).format(shortDate)

    /** The weekday's one-letter or short name, for a chart's axis. */
    fun weekday(date: NaiveDate, narrow: Boolean = true): String =
        CoreTime.parseDate(date).dayOfWeek.getDisplayName(if (narrow) TextStyle.NARROW else TextStyle.FULL, locale)

    /** `2026-03-01 22:30` → "1 Mar 2026 22:30"; blank stays blank. */
    fun local(text: String): String = CoreTime.splitLocal(text)?.let { (d, t) -> "${date(d)} ${t}" } ?: text

    /** Tablets as a patient says them: "¼", "½", "¾", "1", "1½", "2¾" (other values as numbers). */
    fun tablets(t: Double): String = Fractions.tablets(t) ?: number(t)
}

/** Quarters of tablets in the patient's words (the core's own "½ × 10 mg" uses the same signs). */
object Fractions {
    fun tablets(t: Double): String? {
        val quarters = Math.round(t * 4).toInt()
        if (quarters <= 0 || Math.abs(quarters / 4.0 - t) > 1e-9) return null
        val whole = quarters / 4
        val part = when (quarters % 4) {
            1 -> "¼"
            2 -> "½"
            3 -> "¾"
            else -> ""
        }
        return if (whole == 0) part else "$whole$part"
    }
}
