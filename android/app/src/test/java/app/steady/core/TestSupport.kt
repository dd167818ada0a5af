package app.steady.core

import java.time.LocalDate
import java.time.format.DateTimeFormatter
import java.util.Locale

/** Helpers shared by the JVM tests. */
object TestSupport {
    private val HUMAN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)

    /** True when a summary's text names the period `from`–`to`, as ISO dates or as "23 Nov 2026"
     * (a period inside one month may print as "17 – 23 Nov 2026"). */
    fun mentionsPeriod(text: String, from: LocalDate, to: LocalDate): Boolean {
        if (text.contains(from.toString()) && text.contains(to.toString())) return true
        val end = text.contains(to.format(HUMAN))
        val start = text.contains(from.format(HUMAN)) || Regex("""\b${from.dayOfMonth}\s*[–-]""").containsMatchIn(text)
        return start && end
    }
}
