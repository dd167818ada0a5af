package app.steady.ui.screens

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Healing
import androidx.compose.material.icons.filled.Lock
import androidx.compose.material.icons.filled.LockOpen
import androidx.compose.material3.Button
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.steady.logic.GateWords
import app.steady.ui.AppViewModel
import app.steady.ui.Gate
import app.steady.ui.UiState
import app.steady.ui.components.FieldError
import app.steady.ui.components.Loading
import app.steady.ui.components.PageTitle
import app.steady.ui.components.RestoreErase
import app.steady.ui.components.RestoreEraseWords

/**
 * Before the diary's pages: opening, the app lock, a locked device, a lost key (restore a backup
 * into a new diary, or erase), a damaged diary (rescue the readable entries, restore, or erase), a
 * failure (try again, or erase). Every state has a way forward.
 */
@Composable
fun GatePage(state: UiState, words: GateWords, vm: AppViewModel, onUnlock: () -> Unit) {
    val restoreErase = RestoreEraseWords(words.restore, words.erase, words.eraseConfirm, words.passphrase, words.cancel)
    val content: @Composable () -> Unit = when (val gate = state.gate) {
        is Gate.Opening, is Gate.Open -> {
            { Loading(words.loading) }
        }
        is Gate.Authenticate -> {
            {
                Icon(Icons.Filled.Lock, contentDescription = null)
                PageTitle(words.locked)
                Button(onClick = onUnlock) {
                    Icon(Icons.Filled.LockOpen, contentDescription = null)
                    Text(words.unlock, Modifier.padding(start = 8.dp))
                }
            }
        }
        is Gate.DeviceLocked -> {
            {
                PageTitle(words.locked)
                Text(gate.message.text)
                Button(onClick = { vm.retry() }) { Text(words.unlock) }
            }
        }
        is Gate.KeyLost -> {
            {
                PageTitle(words.keyLostTitle)
                Text(words.keyLostBody)
                RestoreErase(restoreErase, state.message, onRestore = vm::restore, onErase = vm::erase)
                FieldError(state.message?.text)
            }
        }
        is Gate.Damaged -> {
            {
                PageTitle(words.damagedTitle)
                Text(gate.message.text)
                Button(onClick = { vm.recover() }) {
                    Icon(Icons.Filled.Healing, contentDescription = null)
                    Text(words.recover, Modifier.padding(start = 8.dp))
                }
                RestoreErase(restoreErase, state.message, onRestore = vm::restore, onErase = vm::erase)
                FieldError(state.message?.text)
            }
        }
        is Gate.Failed -> {
            {
                PageTitle(words.errorTitle)
                Text(gate.message.text)
                Button(onClick = { vm.retry() }) { Text(words.unlock) }
                RestoreErase(restoreErase, state.message, onRestore = vm::restore, onErase = vm::erase)
            }
        }
    }
    if (state.gate is Gate.Opening || state.gate is Gate.Open) {
        content()
        return
    }
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(24.dp),
        verticalArrangement = Arrangement.spacedBy(16.dp, Alignment.CenterVertically),
        horizontalAlignment = Alignment.Start,
    ) {
        content()
        if (state.busy) Text(words.loading, style = MaterialTheme.typography.bodySmall)
    }
}
