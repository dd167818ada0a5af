package app.steady.ui.screens

import android.Manifest
import android.content.Intent
import android.net.Uri
import android.os.Build
import android.provider.Settings as AndroidSettings
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Backup
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.unit.dp
import app.steady.core.Lang
import app.steady.core.SettingChange
import app.steady.ui.AppViewModel
import app.steady.ui.UiState
import app.steady.ui.components.Banner
import app.steady.ui.components.Choices
import app.steady.ui.components.Loading
import app.steady.ui.components.PageTitle
import app.steady.ui.components.PassphraseDialog
import app.steady.ui.components.PickerWords
import app.steady.ui.components.RestoreErase
import app.steady.ui.components.RestoreEraseWords
import app.steady.ui.components.Section
import app.steady.ui.components.TimeField
import app.steady.ui.components.ToggleRow
import app.steady.ui.logic.Screen

/**
 * Settings: the app's language, when the day starts, the daily check-in reminder, the equivalence
 * table, the app lock, a backup to a file the patient picks (Storage Access Framework), restoring
 * one, and erasing the diary (confirmed by typing the word the core asks for).
 */
@Composable
fun SettingsPage(state: UiState, vm: AppViewModel) {
    val words = state.view.words ?: return
    val labels = words.labels
    val settings = (state.view.screen as? Screen.Settings)?.settings
    if (settings == null) {
        Loading(labels.shellLoading)
        return
    }
    val context = LocalContext.current
    val pickers = PickerWords(labels.actionSave, labels.actionCancel, labels.shellNow)
    var backingUp by rememberSaveable { mutableStateOf(false) }
    val askNotifications = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) { vm.remindersPermissionChanged() }
    val saveBackup = rememberLauncherForActivityResult(ActivityResultContracts.CreateDocument("application/octet-stream")) { uri -> vm.saveBackup(uri) }
    // A backup was made: ask where to save it (the patient picks the file; nothing is written elsewhere).
    LaunchedEffect(state.backupReady) {
        state.backupReady?.let { (name, _) -> saveBackup.launch(name) }
    }

    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        PageTitle(labels.screenSettings)
        Section(words.language(settings.language)) {
            Choices("", Lang.values().map { it.name to words.language(it) }, settings.language.name) { key ->
                vm.changeSetting(SettingChange.Language(Lang.valueOf(key)))
            }
        }
        Section(words.dayStart) {
            TimeField("", settings.dayStart, pickers) { vm.changeSetting(SettingChange.DayStart(it)) }
            state.fieldMessage?.let { Text(it.text, color = MaterialTheme.colorScheme.error) }
        }
        Section(labels.shellReminders) {
            ToggleRow(labels.shellReminders, settings.checkIn != null) { on ->
                vm.changeSetting(SettingChange.CheckIn(if (on) settings.checkIn ?: DEFAULT_CHECK_IN else null))
            }
            settings.checkIn?.let { time ->
                TimeField("", time, pickers) { vm.changeSetting(SettingChange.CheckIn(it)) }
            }
            if (!state.notificationsAllowed) {
                Banner(labels.shellRemindersAllow, labels.shellReminders) {
                    if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) {
                        askNotifications.launch(Manifest.permission.POST_NOTIFICATIONS)
                    } else {
                        context.startActivity(
                            Intent(AndroidSettings.ACTION_APP_NOTIFICATION_SETTINGS).putExtra(AndroidSettings.EXTRA_APP_PACKAGE, context.packageName),
                        )
                    }
                }
            } else if (!state.exactAlarmsAllowed && Build.VERSION.SDK_INT >= Build.VERSION_CODES.S) {
                // On time needs the patient's permission for exact alarms; without it WorkManager
                // delivers the reminders, possibly some minutes late.
                Banner(labels.shellRemindersAllow, labels.shellReminders) {
                    context.startActivity(
                        Intent(AndroidSettings.ACTION_REQUEST_SCHEDULE_EXACT_ALARM, Uri.parse("package:${context.packageName}")),
                    )
                }
            }
        }
        Section(words.tableLabel) {
            Choices("", words.tableNames.entries.map { (t, name) -> t.name to name }, settings.table.name) { key ->
                vm.changeSetting(SettingChange.Table(words.tableNames.keys.first { it.name == key }))
            }
        }
        ToggleRow(labels.settingsAppLock, state.appLock && state.appLockAvailable) { on -> vm.setAppLock(on) }
        Section(labels.actionBackup) {
            OutlinedButton(onClick = { backingUp = true }) {
                Icon(Icons.Filled.Backup, contentDescription = null)
                Text(labels.actionBackup, Modifier.padding(start = 8.dp))
            }
            RestoreErase(
                RestoreEraseWords(labels.actionRestore, labels.actionErase, labels.actionEraseConfirm, labels.shellBackupPassphrase, labels.actionCancel),
                state.fieldMessage,
                onRestore = { uri, pass -> vm.restore(uri, pass) },
                onErase = { vm.erase() },
            )
        }
    }
    if (backingUp && state.backupReady == null) {
        PassphraseDialog(
            title = labels.actionBackup,
            label = labels.shellBackupPassphrase,
            againLabel = labels.shellBackupPassphraseAgain,
            help = labels.shellBackupPassphraseHelp,
            confirm = labels.actionBackup,
            cancel = labels.actionCancel,
            message = state.fieldMessage,
            onConfirm = { a, b -> vm.makeBackup(a, b) },
            onDismiss = { backingUp = false },
        )
    }
    LaunchedEffect(state.backupReady) { if (state.backupReady != null) backingUp = false }
}

/** The check-in's time when it is first turned on (the patient picks another at once if they like). */
private const val DEFAULT_CHECK_IN = "21:00"
