package app.steady.ui

import android.content.ClipData
import android.content.Intent
import androidx.activity.compose.BackHandler
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.EditNote
import androidx.compose.material.icons.filled.History
import androidx.compose.material.icons.filled.Medication
import androidx.compose.material.icons.filled.MoreHoriz
import androidx.compose.material.icons.filled.Today
import androidx.compose.material3.Icon
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.SnackbarDuration
import androidx.compose.material3.SnackbarHost
import androidx.compose.material3.SnackbarHostState
import androidx.compose.material3.SnackbarResult
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.remember
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.compose.ui.graphics.vector.ImageVector
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.text.style.TextOverflow
import androidx.core.content.FileProvider
import androidx.fragment.app.FragmentActivity
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.compose.LifecycleEventEffect
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavHostController
import androidx.navigation.compose.NavHost
import androidx.navigation.compose.composable
import androidx.navigation.compose.currentBackStackEntryAsState
import androidx.navigation.compose.rememberNavController
import app.steady.core.AppLabels
import app.steady.security.BiometricGate
import app.steady.ui.components.Banner
import app.steady.ui.logic.MessageKind
import app.steady.ui.logic.Page
import app.steady.ui.screens.FormPage
import app.steady.ui.screens.GatePage
import app.steady.ui.screens.GoalsPage
import app.steady.ui.screens.HistoryPage
import app.steady.ui.screens.LogPage
import app.steady.ui.screens.MedicinesPage
import app.steady.ui.screens.MorePage
import app.steady.ui.screens.PlanPage
import app.steady.ui.screens.QuestionsPage
import app.steady.ui.screens.SettingsPage
import app.steady.ui.screens.SummaryPage
import app.steady.ui.screens.TodayPage
import java.io.File
import java.util.concurrent.atomic.AtomicReference

/** The bottom bar's destinations; their words are the core's screen titles. */
private enum class Tab(val route: String, val icon: ImageVector, val label: (AppLabels) -> String, val page: Page?) {
    TODAY("today", Icons.Filled.Today, { it.screenToday }, Page.Today),
    LOG("log", Icons.Filled.EditNote, { it.screenLog }, null),
    MEDICINES("medicines", Icons.Filled.Medication, { it.screenMedicines }, Page.Medicines),
    HISTORY("history", Icons.Filled.History, { it.screenHistory }, Page.History()),
    MORE("more", Icons.Filled.MoreHoriz, { it.shellMore }, null),
}

/** Routes reached from "More". */
object Routes {
    const val PLAN = "plan"
    const val GOALS = "goals"
    const val QUESTIONS = "questions"
    const val SUMMARY = "summary"
    const val SETTINGS = "settings"
}

/**
 * The app: the gate (opening, app lock, lost key, damaged diary) until the diary is open, then the
 * pages. A form the patient opened covers the page until it is saved or cancelled.
 */
@Composable
fun AppRoot(vm: AppViewModel, activity: FragmentActivity) {
    val state by vm.state.collectAsStateWithLifecycle()
    val context = LocalContext.current
    val gateWords = remember(state.gate) { vm.gateWords(context) }

    LifecycleEventEffect(Lifecycle.Event.ON_START) { vm.onForeground() }

    // The app lock: ask as soon as the gate says so (once per time it says so).
    LaunchedEffect(state.gate) {
        if (state.gate is Gate.Authenticate) {
            BiometricGate.authenticate(activity, gateWords.unlockReason) { vm.authenticated(it) }
        }
    }

    val labels = state.view.labels
    if (state.gate !is Gate.Open || labels == null) {
        GatePage(state, gateWords, vm, onUnlock = {
            BiometricGate.authenticate(activity, gateWords.unlockReason) { vm.authenticated(it) }
        })
        return
    }

    val nav = rememberNavController()
    val snackbar = remember { SnackbarHostState() }
    val share = rememberShare(vm)

    // Screen-wide messages: the core's words; "Taken" and "Skipped" offer Undo.
    val message = state.message
    LaunchedEffect(message) {
        if (message != null) {
            val undo = message.entryId?.takeIf { message.kind == MessageKind.DONE }
            val result = snackbar.showSnackbar(
                message = message.text,
                actionLabel = if (undo != null) labels.shellUndo else null,
                withDismissAction = undo == null,
                duration = if (undo != null) SnackbarDuration.Long else SnackbarDuration.Short,
            )
            if (result == SnackbarResult.ActionPerformed && undo != null) vm.undo(undo)
            vm.dismissMessage()
        }
    }

    val form = state.form
    if (form != null) {
        BackHandler { vm.closeForm() }
        Scaffold(snackbarHost = { SnackbarHost(snackbar) }) { padding ->
            Box(Modifier.padding(padding)) { FormPage(form, state, vm) }
        }
        return
    }

    Scaffold(
        snackbarHost = { SnackbarHost(snackbar) },
        bottomBar = { BottomBar(nav, labels, vm) },
    ) { padding ->
        Column(Modifier.fillMaxSize().padding(padding)) {
            // What the diary check found, above every page until the readable entries are rescued.
            state.view.damageNotice?.let { notice ->
                Box(Modifier.padding(horizontal = 16.dp, vertical = 8.dp)) {
                    Banner(notice, labels.actionRecover) { vm.recover() }
                }
            }
            NavHost(nav, startDestination = Tab.TODAY.route, modifier = Modifier.fillMaxWidth().weight(1f)) {
                composable(Tab.TODAY.route) {
                    LaunchedEffect(Unit) { vm.show(Page.Today) }
                    TodayPage(state, vm, onSomethingElse = { nav.navigate(Tab.LOG.route) }, onOpen = { nav.navigate(it) })
                }
                composable(Tab.LOG.route) { LogPage(state, vm) }
                composable(Tab.MEDICINES.route) {
                    LaunchedEffect(Unit) { vm.show(Page.Medicines) }
                    MedicinesPage(state, vm)
                }
                composable(Tab.HISTORY.route) {
                    LaunchedEffect(Unit) { vm.show(Page.History()) }
                    HistoryPage(state, vm)
                }
                composable(Tab.MORE.route) { MorePage(labels) { nav.navigate(it) } }
                composable(Routes.PLAN) {
                    LaunchedEffect(Unit) { vm.show(Page.Plan) }
                    PlanPage(state, vm, share)
                }
                composable(Routes.GOALS) {
                    LaunchedEffect(Unit) { vm.show(Page.Goals) }
                    GoalsPage(state, vm)
                }
                composable(Routes.QUESTIONS) {
                    LaunchedEffect(Unit) { vm.show(Page.Questions) }
                    QuestionsPage(state, vm)
                }
                composable(Routes.SUMMARY) { SummaryPage(state, vm, share) }
                composable(Routes.SETTINGS) {
                    LaunchedEffect(Unit) { vm.show(Page.Settings) }
                    SettingsPage(state, vm)
                }
            }
        }
    }
}

@Composable
private fun BottomBar(nav: NavHostController, labels: AppLabels, vm: AppViewModel) {
    val current by nav.currentBackStackEntryAsState()
    NavigationBar {
        Tab.entries.forEach { tab ->
            val label = tab.label(labels)
            NavigationBarItem(
                selected = current?.destination?.route == tab.route,
                onClick = {
                    tab.page?.let(vm::show)
                    nav.navigate(tab.route) {
                        popUpTo(Tab.TODAY.route) { saveState = true }
                        launchSingleTop = true
                        restoreState = true
                    }
                },
                // The label is read with the item; the icon would only repeat it.
                icon = { Icon(tab.icon, contentDescription = null) },
                label = { Text(label, maxLines = 1, overflow = TextOverflow.Ellipsis) },
            )
        }
    }
}

/**
 * Shares a decrypted file (summary, plan calendar) through the FileProvider with a read grant, and
 * deletes it when the share sheet comes back.
 */
@Composable
fun rememberShare(vm: AppViewModel): (File, String) -> Unit {
    val context = LocalContext.current
    val pending = remember { AtomicReference<File?>(null) }
    val launcher = rememberLauncherForActivityResult(ActivityResultContracts.StartActivityForResult()) {
        pending.getAndSet(null)?.let(vm::shared)
    }
    return remember(launcher) {
        { file: File, mime: String ->
            val uri = FileProvider.getUriForFile(context, "${context.packageName}.files", file)
            val send = Intent(Intent.ACTION_SEND).apply {
                type = mime.substringBefore(';').trim()
                putExtra(Intent.EXTRA_STREAM, uri)
                // ClipData carries the read grant through the chooser to the app picked.
                clipData = ClipData.newRawUri(file.name, uri)
                addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
            }
            pending.set(file)
            launcher.launch(Intent.createChooser(send, null))
        }
    }
}
