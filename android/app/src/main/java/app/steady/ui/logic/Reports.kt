package app.steady.ui.logic

import app.steady.core.ImportReport
import app.steady.core.RecoveryReport

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.

/**
 * One line of what a rescue or a restore did. The core returns these as numbers (its reports have
 * no sentence for a phone yet), so each line is worded by the app's plurals resources
 * (`report_*` in values, values-fr, values-nl, values-nb), with its count.
 */
enum class ReportLine {
    /** Entries copied into the new diary by a rescue. */
    RESCUED,

    /** Entries the diary listed that could not be rescued. */
    LOST,

    /** Parts of the file could not be read (entries there are lost; how many is not known). */
    PAGES_LOST,

    /** Records that could be read but failed authentication: kept aside, not copied. */
    UNREADABLE,

    /** Entries a restore added. */
    ADDED,

    /** Entries a restore replaced with the backup's newer version. */
    REPLACED,

    /** Entries already here, the same as in the backup. */
    ALREADY_HERE,

    /** Entries kept as they are here because this diary's version is the newer one. */
    KEPT_NEWER,
}

/** A [ReportLine] with its count. */
data class ReportCount(val line: ReportLine, val count: Long)

/** What a rescue did: always how many entries were rescued, then only what went wrong. */
fun RecoveryReport.counts(): List<ReportCount> = buildList {
    add(ReportCount(ReportLine.RESCUED, recovered.toLong()))
    if (damaged.isNotEmpty()) add(ReportCount(ReportLine.UNREADABLE, damaged.size.toLong()))
    if (lost.isNotEmpty()) {
        add(ReportCount(ReportLine.LOST, lost.size.toLong()))
    } else if (pagesLost) {
        add(ReportCount(ReportLine.PAGES_LOST, 1))
    }
}

/** What a restore did: always how many entries were added, then whatever else happened. */
fun ImportReport.counts(): List<ReportCount> = buildList {
    add(ReportCount(ReportLine.ADDED, added.toLong()))
    if (updated > 0uL) add(ReportCount(ReportLine.REPLACED, updated.toLong()))
    if (unchanged > 0uL) add(ReportCount(ReportLine.ALREADY_HERE, unchanged.toLong()))
    if (kept > 0uL) add(ReportCount(ReportLine.KEPT_NEWER, kept.toLong()))
}
