#include "report_text.hpp"

#include <array>
#include <cstdio>
#include <iterator>


#include "recheck.hpp"
#include "ruleset.hpp"

namespace linkedout::report {

namespace {

// One entry per Phrase, named, with its text in every language in the order of kLanguages (en, de,
// fr, es, nl, it: the languages are listed once, in ruleset.hpp). The build checks the entries
// follow the Phrase enum, so a moved or missing entry cannot shift every text after it.
struct Entry {
  Phrase name;
  std::array<std::string_view, kLanguages.size()> text;
};
constexpr Entry kPhrases[] = {
    {Phrase::title, {"LinkedOut report", "LinkedOut-Bericht", "Rapport LinkedOut", "Informe de LinkedOut", "LinkedOut-rapport",
     "Rapporto LinkedOut"}},
    // {1} time, {2} LinkedOut version, {3} ruleset name and version
    {Phrase::generated, {"Generated {1} by LinkedOut {2}, ruleset {3}.", "Erstellt am {1} von LinkedOut {2}, Regelwerk {3}.",
     "Généré le {1} par LinkedOut {2}, règles {3}.", "Generado el {1} por LinkedOut {2}, reglas {3}.",
     "Gemaakt op {1} door LinkedOut {2}, regelset {3}.", "Generato il {1} da LinkedOut {2}, regole {3}."}},
    {Phrase::region, {"Region:", "Region:", "Région :", "Región:", "Regio:", "Regione:"}},
    {Phrase::region_unset, {"not set (every setting is expected)", "nicht festgelegt (alle Einstellungen werden erwartet)",
     "non définie (tous les paramètres sont attendus)", "sin definir (se esperan todos los ajustes)",
     "niet ingesteld (alle instellingen worden verwacht)", "non impostata (sono previste tutte le impostazioni)"}},
    // {1} setting name, {2} region codes
    {Phrase::hint, {"LinkedIn showed \"{1}\", which it does not show in {2}: you are probably not in one of those. Set your "
     "region in the popup to be sure.",
     "LinkedIn hat „{1}“ gezeigt, was es in {2} nicht zeigt: Sie sind wahrscheinlich in keiner dieser Regionen. "
     "Legen Sie Ihre Region im LinkedOut-Popup fest, um sicherzugehen.",
     "LinkedIn a affiché « {1} », qu’il n’affiche pas en {2} : vous n’êtes probablement dans aucune de ces régions. "
     "Indiquez votre région dans la fenêtre de l’extension pour en être sûr.",
     "LinkedIn ha mostrado «{1}», que no muestra en {2}: probablemente no estás en ninguna de esas regiones. "
     "Indica tu región en la ventana de la extensión para asegurarte.",
     "LinkedIn toonde ‘{1}’, wat het in {2} niet toont: u bent waarschijnlijk in geen van die regio’s. Stel uw "
     "regio in het pop-upvenster in om zeker te zijn.",
     "LinkedIn ha mostrato «{1}», che non mostra in {2}: probabilmente non ti trovi in nessuna di queste regioni. "
     "Imposta la tua regione nel pop-up per esserne sicuro."}},
    {Phrase::summary_nothing, {"Nothing is expected in your region.", "In Ihrer Region ist nichts zu tun.", "Rien n’est attendu dans votre région.",
     "No se espera nada en tu región.", "In uw regio is niets te doen.", "Nella tua regione non c’è nulla da fare."}},
    // {1} steps
    {Phrase::summary_all, {"All {1} steps are done.", "Alle {1} Schritte sind erledigt.", "Les {1} étapes sont toutes faites.",
     "Los {1} pasos están hechos.", "Alle {1} stappen zijn klaar.", "Tutti i {1} passaggi sono fatti."}},
    // {1} open, {2} total
    {Phrase::summary_some, {"{1} of {2} steps still need action.", "{1} von {2} Schritten sind noch zu erledigen.",
     "{1} étapes sur {2} restent à faire.", "Quedan {1} de {2} pasos por hacer.", "{1} van {2} stappen moeten nog gebeuren.",
     "{1} passaggi su {2} sono ancora da fare."}},
    {Phrase::settings_heading, {"Settings", "Einstellungen", "Paramètres", "Ajustes", "Instellingen", "Impostazioni"}},
    {Phrase::col_setting, {"Setting", "Einstellung", "Paramètre", "Ajuste", "Instelling", "Impostazione"}},
    {Phrase::col_kind, {"Kind", "Art", "Type", "Tipo", "Soort", "Tipo"}},
    {Phrase::col_state, {"State", "Status", "État", "Estado", "Status", "Stato"}},
    {Phrase::col_needs_action, {"Needs action", "Zu erledigen", "À faire", "Pendiente", "Actie nodig", "Da fare"}},
    {Phrase::col_last_seen, {"Last seen", "Zuletzt gesehen", "Vu pour la dernière fois", "Visto por última vez", "Laatst gezien", "Vista l’ultima volta"}},
    {Phrase::col_last_changed, {"Last changed", "Zuletzt geändert", "Dernière modification", "Último cambio", "Laatst gewijzigd", "Ultima modifica"}},
    {Phrase::col_changes, {"Changes", "Änderungen", "Modifications", "Cambios", "Wijzigingen", "Modifiche"}},
    {Phrase::kind_ai_training, {"AI training", "KI-Training", "Entraînement de l’IA", "Entrenamiento de IA", "AI-training", "Addestramento dell’IA"}},
    {Phrase::kind_ads, {"Ads", "Werbung", "Publicité", "Publicidad", "Advertenties", "Pubblicità"}},
    {Phrase::kind_other, {"Other", "Sonstiges", "Autre", "Otros", "Overig", "Altro"}},
    {Phrase::state_off, {"Off", "Aus", "Désactivé", "Desactivado", "Uit", "Disattivata"}},
    {Phrase::state_on, {"ON — switch it off", "AN – bitte ausschalten", "ACTIVÉ — désactivez-le", "ACTIVADO: desactívalo",
     "AAN – zet het uit", "ATTIVA: disattivala"}},
    {Phrase::state_on_again, {"ON again (was off) — switch it off", "Wieder AN (war aus) – bitte ausschalten",
     "De nouveau ACTIVÉ (était désactivé) — désactivez-le", "ACTIVADO de nuevo (estaba desactivado): desactívalo",
     "Weer AAN (stond uit) – zet het uit", "Di nuovo ATTIVA (era disattivata): disattivala"}},
    {Phrase::state_unseen, {"Not seen yet — visit the page", "Noch nicht gesehen – Seite besuchen", "Pas encore vu — ouvrez la page",
     "Aún no visto: abre la página", "Nog niet gezien – open de pagina", "Non ancora vista: apri la pagina"}},
    {Phrase::state_not_in_region, {"Not in your region", "Nicht in Ihrer Region", "Pas dans votre région", "No en tu región", "Niet in uw regio",
     "Non nella tua regione"}},
    // {1} date
    {Phrase::form_done, {"Done on {1}", "Erledigt am {1}", "Fait le {1}", "Hecho el {1}", "Klaar op {1}", "Fatto il {1}"}},
    {Phrase::form_todo, {"To do", "Offen", "À faire", "Pendiente", "Te doen", "Da fare"}},
    // states in the history
    {Phrase::word_on, {"on", "an", "activé", "activado", "aan", "attiva"}},
    {Phrase::word_off, {"off", "aus", "désactivé", "desactivado", "uit", "disattivata"}},
    {Phrase::word_todo, {"to do", "offen", "à faire", "pendiente", "te doen", "da fare"}},
    {Phrase::word_done, {"done", "erledigt", "fait", "hecho", "klaar", "fatto"}},
    // {1} state
    {Phrase::first_seen, {"first seen: {1}", "zuerst gesehen: {1}", "vu la première fois : {1}", "visto por primera vez: {1}",
     "eerst gezien: {1}", "vista la prima volta: {1}"}},
    {Phrase::yes, {"yes", "ja", "oui", "sí", "ja", "sì"}},
    {Phrase::no, {"no", "nein", "non", "no", "nee", "no"}},
    {Phrase::forms_heading, {"Objection form and other steps", "Widerspruchsformular und weitere Schritte", "Formulaire d’opposition et autres étapes",
     "Formulario de oposición y otros pasos", "Bezwaarformulier en andere stappen", "Modulo di opposizione e altri passaggi"}},
    {Phrase::history_heading, {"History", "Verlauf", "Historique", "Historial", "Geschiedenis", "Cronologia"}},
    // {1} count
    {Phrase::earlier_changes, {"{1} earlier change(s)", "{1} frühere Änderung(en)", "{1} modification(s) antérieure(s)", "{1} cambio(s) anterior(es)",
     "{1} eerdere wijziging(en)", "{1} modifiche precedenti"}},
    {Phrase::seen_outside_region, {"Seen although LinkedIn does not show it in your region: check the region.",
     "Gesehen, obwohl LinkedIn es in Ihrer Region nicht zeigt: Prüfen Sie die Region.",
     "Vu alors que LinkedIn ne l’affiche pas dans votre région : vérifiez la région.",
     "Visto aunque LinkedIn no lo muestra en tu región: revisa la región.",
     "Gezien, hoewel LinkedIn het in uw regio niet toont: controleer de regio.",
     "Vista anche se LinkedIn non la mostra nella tua regione: controlla la regione."}},
    {Phrase::nothing_seen, {"Nothing seen yet: run the walkthrough from the LinkedOut popup.",
     "Noch nichts gesehen: Starten Sie den Rundgang im LinkedOut-Popup.",
     "Rien vu pour l’instant : lancez le parcours depuis la fenêtre de LinkedOut.",
     "Aún no se ha visto nada: empieza el recorrido desde la ventana de LinkedOut.",
     "Nog niets gezien: start de rondleiding vanuit het LinkedOut-pop-upvenster.",
     "Ancora nulla di visto: avvia il percorso dal pop-up di LinkedOut."}},
    {Phrase::kept_aside_heading, {"Store files kept aside", "Beiseitegelegte Speicherdateien", "Fichiers de stockage mis de côté",
     "Archivos de almacenamiento apartados", "Opzijgezette opslagbestanden", "File di archivio messi da parte"}},
    // {1} time
    {Phrase::last_changed_at, {"last {1}", "zuletzt {1}", "dernière le {1}", "último el {1}", "laatst op {1}", "ultima il {1}"}},
    {Phrase::made_locally, {"LinkedOut reads your settings pages on your own computer; this report was made there and sent nowhere.",
     "LinkedOut liest Ihre Einstellungsseiten auf Ihrem eigenen Computer; dieser Bericht wurde dort erstellt und "
     "nirgendwohin gesendet.",
     "LinkedOut lit vos pages de paramètres sur votre propre ordinateur ; ce rapport y a été créé et n’a été envoyé nulle part.",
     "LinkedOut lee tus páginas de ajustes en tu propio ordenador; este informe se creó allí y no se envió a ningún sitio.",
     "LinkedOut leest uw instellingenpagina’s op uw eigen computer; dit rapport is daar gemaakt en nergens heen gestuurd.",
     "LinkedOut legge le tue pagine di impostazioni sul tuo computer; questo rapporto è stato creato lì e non è stato "
     "inviato da nessuna parte."}},
    {Phrase::recheck_heading, {"Re-check", "Erneute Prüfung", "Nouvelle vérification", "Nueva comprobación", "Hercontrole", "Nuovo controllo"}},
    // {1} time
    {Phrase::last_full_check, {"Last full check: {1}.", "Letzte vollständige Prüfung: {1}.", "Dernière vérification complète : {1}.",
     "Última comprobación completa: {1}.", "Laatste volledige controle: {1}.", "Ultimo controllo completo: {1}."}},
    {Phrase::no_full_check, {"No full re-check yet.", "Noch keine vollständige Prüfung.", "Aucune vérification complète pour l’instant.",
     "Todavía no hay ninguna comprobación completa.", "Nog geen volledige controle.", "Nessun controllo completo finora."}},
    {Phrase::reminder_off, {"Reminder off: turn it on in the popup to be told when a re-check is due.",
     "Erinnerung aus: Schalten Sie sie im LinkedOut-Popup ein, dann erfahren Sie, wann eine Prüfung fällig ist.",
     "Rappel désactivé : activez-le dans la fenêtre de LinkedOut pour savoir quand une vérification est à faire.",
     "Recordatorio desactivado: actívalo en la ventana de LinkedOut para saber cuándo toca comprobar.",
     "Herinnering uit: zet die aan in het LinkedOut-pop-upvenster om te horen wanneer een controle nodig is.",
     "Promemoria disattivato: attivalo nel pop-up di LinkedOut per sapere quando è ora di un controllo."}},
    // {1} reminder days
    {Phrase::due_ruleset_changed, {"A re-check is due now: the ruleset was updated since (reminder every {1} days).",
     "Eine Prüfung ist jetzt fällig: LinkedOut kennt seit der letzten neue Einstellungen (Erinnerung alle {1} Tage).",
     "Une vérification est à faire maintenant : LinkedOut connaît de nouveaux paramètres depuis la dernière (rappel tous "
     "les {1} jours).",
     "Toca comprobar ahora: LinkedOut conoce nuevos ajustes desde la última vez (recordatorio cada {1} días).",
     "Een controle is nu nodig: LinkedOut kent sinds de vorige nieuwe instellingen (herinnering elke {1} dagen).",
     "È ora di un controllo: LinkedOut conosce nuove impostazioni dall’ultimo (promemoria ogni {1} giorni)."}},
    // {1} reminder days
    {Phrase::due_now, {"A re-check is due now (reminder every {1} days).", "Eine Prüfung ist jetzt fällig (Erinnerung alle {1} Tage).",
     "Une vérification est à faire maintenant (rappel tous les {1} jours).",
     "Toca comprobar ahora (recordatorio cada {1} días).", "Een controle is nu nodig (herinnering elke {1} dagen).",
     "È ora di un controllo (promemoria ogni {1} giorni)."}},
    // {1} time, {2} reminder days
    {Phrase::next_due, {"Next check due: {1} (reminder every {2} days).", "Nächste Prüfung fällig: {1} (Erinnerung alle {2} Tage).",
     "Prochaine vérification prévue : {1} (rappel tous les {2} jours).",
     "Próxima comprobación prevista: {1} (recordatorio cada {2} días).",
     "Volgende controle gepland: {1} (herinnering elke {2} dagen).",
     "Prossimo controllo previsto: {1} (promemoria ogni {2} giorni)."}},
    // {1} time
    {Phrase::latest_recheck, {"Latest re-check, {1}:", "Letzte Prüfung ({1}):", "Dernière vérification ({1}) :", "Última comprobación ({1}):",
     "Laatste controle ({1}):", "Ultimo controllo ({1}):"}},
    // {1} setting names
    {Phrase::came_back_on, {"Came back on: {1}", "War wieder an: {1}", "Était réactivé : {1}", "Estaba activado de nuevo: {1}",
     "Stond weer aan: {1}", "Era di nuovo attiva: {1}"}},
    // {1} setting names
    {Phrase::could_not_read, {"Could not be read: {1}", "Nicht lesbar: {1}", "Illisible : {1}", "No se pudo leer: {1}", "Niet leesbaar: {1}",
     "Non leggibile: {1}"}},
    // {1} setting names
    {Phrase::not_reached, {"Not reached (stopped early): {1}", "Nicht erreicht (vorher angehalten): {1}", "Non atteint (arrêté avant) : {1}",
     "No alcanzado (se detuvo antes): {1}", "Niet bereikt (eerder gestopt): {1}", "Non raggiunta (interrotto prima): {1}"}},
    // {1} = 1
    {Phrase::new_switch_one, {"{1} new switch on LinkedIn", "{1} neuer Schalter bei LinkedIn", "{1} nouvel interrupteur sur LinkedIn",
     "{1} interruptor nuevo en LinkedIn", "{1} nieuwe schakelaar op LinkedIn", "{1} nuovo interruttore su LinkedIn"}},
    // {1} count
    {Phrase::new_switches, {"{1} new switches on LinkedIn", "{1} neue Schalter bei LinkedIn", "{1} nouveaux interrupteurs sur LinkedIn",
     "{1} interruptores nuevos en LinkedIn", "{1} nieuwe schakelaars op LinkedIn", "{1} nuovi interruttori su LinkedIn"}},
    {Phrase::all_off, {"All off", "Alles aus", "Tout est désactivé", "Todo desactivado", "Alles uit", "Tutto disattivato"}},
    {Phrase::new_heading, {"New on LinkedIn — review it", "Neu bei LinkedIn – bitte prüfen", "Nouveau sur LinkedIn — à examiner",
     "Nuevo en LinkedIn: revísalo", "Nieuw op LinkedIn – bekijk het", "Nuovo su LinkedIn: da verificare"}},
    {Phrase::new_intro, {"Switches on these settings pages that LinkedOut does not know yet:",
     "Schalter auf diesen Einstellungsseiten, die LinkedOut noch nicht kennt:",
     "Interrupteurs de ces pages de paramètres que LinkedOut ne connaît pas encore :",
     "Interruptores de estas páginas de ajustes que LinkedOut aún no conoce:",
     "Schakelaars op deze instellingenpagina’s die LinkedOut nog niet kent:",
     "Interruttori di queste pagine di impostazioni che LinkedOut non conosce ancora:"}},
    // {1} label, {2} page address, {3} time
    {Phrase::new_control, {"“{1}” on {2} (first seen {3})", "„{1}“ auf {2} (zuerst gesehen am {3})",
     "« {1} » sur {2} (vu pour la première fois le {3})", "«{1}» en {2} (visto por primera vez el {3})",
     "‘{1}’ op {2} (voor het eerst gezien op {3})", "«{1}» su {2} (visto per la prima volta il {3})"}},
};
static_assert(std::size(kPhrases) == static_cast<std::size_t>(Phrase::count_), "report_text.cpp: a Phrase has no entry");

constexpr bool entries_in_enum_order() {
  for (std::size_t i = 0; i < std::size(kPhrases); ++i) {
    if (kPhrases[i].name != static_cast<Phrase>(i)) return false;
  }
  return true;
}
static_assert(entries_in_enum_order(), "report_text.cpp: kPhrases must list every Phrase once, in enum order");

std::size_t column(std::string_view lang) {
  for (std::size_t i = 0; i < kLanguages.size(); ++i) {
    if (kLanguages[i] == lang) return i;
  }
  return 0;  // English
}

bool digits(std::string_view text, std::size_t from, std::size_t count) {
  for (std::size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

// Day, month and year in the order and with the separator the language uses for numeric dates.
std::string date_text(int year, int month, int day, std::string_view lang) {
  char out[16];
  if (lang == "de") std::snprintf(out, sizeof out, "%02d.%02d.%04d", day, month, year);
  else if (lang == "nl") std::snprintf(out, sizeof out, "%02d-%02d-%04d", day, month, year);
  else if (lang == "fr" || lang == "es" || lang == "it") std::snprintf(out, sizeof out, "%02d/%02d/%04d", day, month, year);
  else std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
  return out;
}

// The zone's abbreviation ("CET"), or its offset ("UTC+05:30") when the zone has no letters.
std::string zone_text(const ZoneAt& zone) {
  const std::string& name = zone.abbreviation;
  const bool letters = !name.empty() && name.find_first_of("+-0123456789") == std::string::npos;
  if (letters) return name;
  const long offset = zone.offset_seconds;
  char out[32];
  std::snprintf(out, sizeof out, "UTC%c%02ld:%02ld", offset < 0 ? '-' : '+', (offset < 0 ? -offset : offset) / 3600,
                ((offset < 0 ? -offset : offset) % 3600) / 60);
  return out;
}

}  // namespace

std::string_view phrase(Phrase which, std::string_view lang) {
  return kPhrases[static_cast<std::size_t>(which)].text[column(lang)];
}

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '1' &&
        pattern[i + 1] <= '9') {
      const auto n = static_cast<std::size_t>(pattern[i + 1] - '1');
      if (n < args.size()) out += *(args.begin() + n);
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::string local_time(std::string_view iso, std::string_view lang, const LocalZone& local_zone) {
  // Exactly YYYY-MM-DDTHH:MM:SSZ, as the store writes.
  if (iso.size() != 20 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' || iso[13] != ':' || iso[16] != ':' ||
      iso[19] != 'Z' || !digits(iso, 0, 4) || !digits(iso, 5, 2) || !digits(iso, 8, 2) || !digits(iso, 11, 2) ||
      !digits(iso, 14, 2) || !digits(iso, 17, 2)) {
    return std::string(iso);
  }
  const auto when = parse_iso8601(iso);
  if (!when) return std::string(iso);
  std::optional<ZoneAt> zone = local_zone ? local_zone(static_cast<std::int64_t>(*when)) : std::nullopt;
  if (!zone) zone = ZoneAt{0, "UTC"};
  const CivilTime local = civil_from_seconds(static_cast<std::int64_t>(*when) + zone->offset_seconds);
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", local.hour, local.minute);
  const std::string date = date_text(local.year, local.month, local.day, lang);
  const std::string separator = (lang == "de" || lang == "es" || lang == "it") ? ", " : " ";
  return date + separator + clock + " " + zone_text(*zone);
}

std::string local_date(std::string_view ymd, std::string_view lang) {
  if (ymd.size() != 10 || ymd[4] != '-' || ymd[7] != '-' || !digits(ymd, 0, 4) || !digits(ymd, 5, 2) || !digits(ymd, 8, 2)) {
    return std::string(ymd);
  }
  return date_text(std::stoi(std::string(ymd.substr(0, 4))), std::stoi(std::string(ymd.substr(5, 2))),
                   std::stoi(std::string(ymd.substr(8, 2))), lang);
}

}  // namespace linkedout::report
