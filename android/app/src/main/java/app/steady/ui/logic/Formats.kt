package app.steady.ui.logic

import app.steady.core.LocalInstant
import app.steady.core.NaiveDate
import app.steady.core.NaiveTime
import app.steady.core.SteadyException
import app.steady.core.parseNumber
import java.math.BigDecimal
import java.math.RoundingMode
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.format.DateTimeFormatter

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.
// Numbers and dates only; words and units live in res/values/strings.xml.

/**
 * Instants, dates and clock times in the exact wire forms of the bindings' `LocalInstant`,
 * `NaiveDate` and `NaiveTime` (typealiases of String): RFC 3339, `YYYY-MM-DD`, `HH:MM`.
 */
object CoreTime {
    // RFC 3339 needs the seconds, which OffsetDateTime.toString() drops when they are zero.
    private val RFC_3339: DateTimeFormatter = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")

    /** `2026-03-01T22:30:00+01:00`. */
    fun instant(t: OffsetDateTime): LocalInstant = t.withNano(0).format(RFC_3339)

    /** `2026-03-01`. */
    fun date(d: LocalDate): NaiveDate = d.toString()

    /** `HH:MM`, 24-hour clock, as the sleep diary expects. */
    fun clock(hour: Int, minute: Int): NaiveTime {
        require(hour in 0..23 && minute in 0..59) { "not a clock time: $hour:$minute" }
        return "%02d:%02d".format(hour, minute)
    }
}

/** Number formatting for amounts: at most two decimals, no trailing zeros, a dot separator. */
object Amounts {
    fun number(x: Double): String =
        BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()

    /** A diazepam-equivalent range without its unit: "10" when both ends agree, else "7.5–15". */
    fun range(low: Double, high: Double): String {
        val (a, b) = number(low) to number(high)
        return if (a == b) a else "$a–$b"
    }

    /** Tablets as a patient says them: "¼", "½", "¾", "1", "1½", "2¾". */
    fun tablets(t: Double): String {
        val quarters = Math.round(t * 4).toInt()
        if (quarters <= 0 || Math.abs(quarters / 4.0 - t) > 1e-9) return number(t)
        val whole = quarters / 4
        val part = when (quarters % 4) {
            1 -> "¼"
            2 -> "½"
            3 -> "¾"
            else -> ""
        }
        return if (whole == 0) part else "$whole$part"
    }

    /**
     * Reads a number typed with a dot or a decimal comma, with the core's grammar ([parseNumber], the
     * desktop's); blank → null, unreadable → NaN.
     */
    fun parse(text: String): Double? {
        if (text.isBlank()) return null
        return try {
            parseNumber(text)
        } catch (e: SteadyException.InvalidInput) {
            Double.NaN
        }
    }

    /** Hours as whole hours and minutes, e.g. 6.67 → (6, 40). */
    fun hoursAndMinutes(hours: Double): Pair<Int, Int> {
        val minutes = Math.round(hours * 60).toInt()
        return minutes / 60 to minutes % 60
    }
}
