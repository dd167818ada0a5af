package app.steady.ui.components

import android.net.Uri
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.DeleteForever
import androidx.compose.material.icons.filled.Restore
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.compose.foundation.layout.padding
import app.steady.ui.logic.UiMessage
import app.steady.ui.logic.confirmsErase

/** The words of restore and erase (the core's labels, or the kept gate words before the diary opens). */
data class RestoreEraseWords(
    val restore: String,
    val erase: String,
    val eraseConfirm: String,
    val passphrase: String,
    val cancel: String,
)

/**
 * Restore a backup (a file picked with the Storage Access Framework, then its passphrase) and erase
 * (confirmed by typing the word the core's sentence asks for). The ways out of a lost key or a
 * damaged diary, and in Settings.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun RestoreErase(
    words: RestoreEraseWords,
    message: UiMessage?,
    onRestore: (Uri, String) -> Unit,
    onErase: () -> Unit,
) {
    var file by rememberSaveable { mutableStateOf<String?>(null) }
    var erasing by rememberSaveable { mutableStateOf(false) }
    val pick = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument()) { uri -> file = uri?.toString() }
    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        OutlinedButton(onClick = { pick.launch(arrayOf("*/*")) }) {
            Icon(Icons.Filled.Restore, contentDescription = null)
            Text(words.restore, Modifier.padding(start = 8.dp))
        }
        OutlinedButton(
            onClick = { erasing = true },
            colors = ButtonDefaults.outlinedButtonColors(contentColor = MaterialTheme.colorScheme.error),
        ) {
            Icon(Icons.Filled.DeleteForever, contentDescription = null)
            Text(words.erase, Modifier.padding(start = 8.dp))
        }
    }
    val picked = file
    if (picked != null) {
        PassphraseDialog(
            title = words.restore,
            label = words.passphrase,
            againLabel = null,
            help = null,
            confirm = words.restore,
            cancel = words.cancel,
            message = message?.takeIf { it.inline },
            onConfirm = { pass, _ ->
                onRestore(Uri.parse(picked), pass)
                file = null
            },
            onDismiss = { file = null },
        )
    }
    if (erasing) {
        TextDialog(
            title = words.erase,
            label = words.eraseConfirm,
            confirm = words.erase,
            cancel = words.cancel,
            enabled = { confirmsErase(it, words.eraseConfirm) },
            onConfirm = {
                erasing = false
                onErase()
            },
            onDismiss = { erasing = false },
        )
    }
}
