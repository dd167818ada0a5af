package app.steady.logic

import app.steady.core.DoseDraft
import app.steady.core.EntryDraft
import app.steady.core.ExportFormat
import app.steady.core.MemoryKeyProvider
import app.steady.core.SteadyDiary
import app.steady.core.SummaryRequest
import java.io.File
import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder

/** Decrypted summaries on their way to the share sheet never stay behind. */
class ShareFilesTest {
    @get:Rule
    val tmp = TemporaryFolder()

    @Test
    fun aSummaryIsWrittenForTheShareSheetAndDeletedWhenItComesBack() {
        val dir = File(tmp.root, "cache/shared")
        val files = ShareFiles(dir)
        SteadyDiary.open(File(tmp.root, "diary").path, MemoryKeyProvider()).use { diary ->
            diary.log(EntryDraft.Dose(DoseDraft(drug = "diazepam", mg = 5.0)))
            val pdf = diary.summary(SummaryRequest(format = ExportFormat.PDF))
            val written = files.write(pdf)
            assertEquals(dir, written.parentFile)
            assertArrayEquals(pdf.bytes, written.readBytes())
            assertEquals(ShareFiles.safeName(pdf.fileName), written.name)
            // A second share replaces the first: one decrypted file at a time.
            val csv = files.write(diary.summary(SummaryRequest(format = ExportFormat.CSV)))
            assertEquals(listOf(csv), files.pending())
            files.shared(csv)
            assertTrue(files.pending().isEmpty())
            // Anything left (the app was killed while the share sheet was open) goes at the next start or lock.
            files.write(diary.summary(SummaryRequest(format = ExportFormat.TEXT)))
            assertEquals(1, files.sweep())
            assertTrue(files.pending().isEmpty())
        }
    }

    @Test
    fun fileNamesCannotLeaveTheSharedFolder() {
        assertEquals("steady-summary.pdf", ShareFiles.safeName("steady-summary.pdf"))
        assertEquals("passwd", ShareFiles.safeName("../../etc/passwd"))
        assertEquals("x_y.txt", ShareFiles.safeName("x y.txt"))
        assertEquals("steady", ShareFiles.safeName(".."))
        assertFalse(ShareFiles.safeName("a\\b/c").contains("/"))
    }
}
