import { countOf } from '../../shared/kernel/text'

/** The Dutch message catalogue for the UI (style.md rule 11: UI text in one place). */
export const nl = {
  app: {
    name: 'Hervat',
    tagline: 'Re-integratiedossiers volgens de Wet verbetering poortwachter',
    offline: 'Offline: wijzigingen worden lokaal bewaard',
    online: 'Online',
  },
  nav: {
    caseload: 'Caseload',
    newDossier: 'Nieuw dossier',
    employers: 'Werkgevers',
    reports: 'Rapportages',
    data: 'Gegevens',
    sync: 'Synchronisatie',
  },
  common: {
    save: 'Opslaan',
    saving: 'Bezig met opslaan…',
    cancel: 'Annuleren',
    add: 'Toevoegen',
    edit: 'Wijzigen',
    remove: 'Verwijderen',
    close: 'Sluiten',
    yes: 'Ja',
    no: 'Nee',
    none: '—',
    saved: 'Opgeslagen.',
    loading: 'Laden…',
    datePlaceholder: 'dd-mm-jjjj',
    errorSummary: 'Niet opgeslagen: controleer de gemarkeerde velden.',
  },
  caseload: {
    title: 'Caseload',
    search: 'Zoeken op naam, werkgever of BSN',
    allEmployers: 'Alle werkgevers',
    allStatuses: 'Alle statussen',
    employerFilter: 'Werkgever',
    statusFilter: 'Status',
    count: (shown: number, total: number) =>
      shown === total
        ? countOf(total, 'dossier', 'dossiers')
        : `${shown} van ${countOf(total, 'dossier', 'dossiers')}`,
    emptyTitle: 'Nog geen dossiers',
    emptyText:
      'Maak een werkgever en een dossier aan, of laad voorbeelddata om Hervat te verkennen.',
    noMatches: 'Geen dossiers gevonden die aan de zoekopdracht voldoen.',
    columns: {
      employee: 'Werknemer',
      employer: 'Werkgever',
      firstSickDay: 'Eerste ziektedag',
      status: 'Status',
      casemanager: 'Casemanager',
    },
  },
  data: {
    title: 'Gegevens',
    backupTitle: 'Back-up',
    backupText:
      'Een back-up bevat alle dossiers en bijlagen van deze computer, niet de instellingen, het wachtwoord of de inloggegevens voor synchronisatie. Het bestand is niet versleuteld en bevat persoonsgegevens: bewaar het veilig.',
    exportBackup: 'Back-up exporteren',
    importBackup: 'Back-up importeren',
    importWarning: 'Importeren vervangt alle gegevens op deze computer door die uit het bestand.',
    importSyncNote:
      'Met synchronisatie gaan de teruggezette gegevens ook naar de server en uw andere apparaten. Per veld wint de nieuwste versie: wat na het maken van de back-up ergens anders is gewijzigd, blijft staan, en dossiers die wel op de server staan maar niet in de back-up, komen bij de volgende synchronisatie terug. Wijzigingen op deze computer die nog niet verstuurd waren, gaan niet verloren.',
    imported: (n: number) => `Back-up geïmporteerd: ${countOf(n, 'dossier', 'dossiers')}.`,
    importedSyncing: (n: number) =>
      `Back-up geïmporteerd: ${countOf(n, 'dossier', 'dossiers')}. De teruggezette gegevens worden nu gesynchroniseerd; wat ergens anders nieuwer is, blijft staan.`,
    exported: 'Back-up opgeslagen.',
    importFailed: 'Importeren mislukt, er is niets gewijzigd',
    sampleTitle: 'Voorbeelddata',
    sampleText:
      'Vult Hervat met ongeveer twintig fictieve dossiers, zodat u kunt zien hoe het werkt.',
    loadSample: 'Voorbeelddata laden',
    sampleLoaded: (n: number) => `${countOf(n, 'voorbeelddossier', 'voorbeelddossiers')} geladen.`,
    wipeTitle: 'Alle gegevens wissen',
    wipeText: 'Verwijdert alle dossiers van deze computer. Maak eerst een back-up.',
    wipe: 'Alles wissen',
    wipeConfirm:
      'Weet u zeker dat u alle gegevens wilt wissen? Dit kan niet ongedaan worden gemaakt.',
    wiped: 'Alle gegevens zijn gewist.',
  },
  import: {
    title: 'Importeren',
    intro:
      'Lees werkgevers of werknemers in uit een Excel-bestand (.xlsx) of CSV, bijvoorbeeld een export uit de salarisadministratie. Eerst ziet u per regel wat er gebeurt; pas na “Importeren” wordt iets opgeslagen, en dan alles in één keer.',
    kind: 'Wat importeert u?',
    chooseFile: 'Bestand kiezen…',
    templateXlsx: 'Sjabloon (Excel)',
    templateCsv: 'Sjabloon (CSV)',
    mappingTitle: 'Kolommen koppelen',
    mappingHelp:
      'Per gegeven de kolom uit uw bestand. Hervat koppelt bekende kolomnamen zelf en onthoudt uw keuze voor een bestand met dezelfde kolommen.',
    field: 'Gegeven',
    column: 'Kolom in uw bestand',
    notInFile: '— niet in het bestand —',
    required: '(verplicht)',
    previewTitle: 'Controle vóór het importeren',
    counts: (c: { create: number; update: number; unchanged: number; invalid: number }) =>
      `${c.create} nieuw, ${c.update} bij te werken, ${c.unchanged} ongewijzigd, ${c.invalid} met fouten (worden overgeslagen).`,
    updateExisting: (n: number) =>
      n === 1
        ? 'De bestaande gegevens van 1 regel bijwerken (gevonden op BSN of KvK-nummer)'
        : `De bestaande gegevens van ${n} regels bijwerken (gevonden op BSN of KvK-nummer)`,
    line: 'Regel',
    name: 'Naam',
    action: 'Wat gebeurt er',
    problems: 'Problemen',
    actions: {
      create: 'Nieuw',
      update: 'Bijwerken',
      unchanged: 'Ongewijzigd',
      invalid: 'Overgeslagen',
    },
    moreRows: (n: number) => `En nog ${n} regels zonder problemen.`,
    run: (n: number) => (n === 1 ? 'Importeren (1 regel)' : `Importeren (${n} regels)`),
    nothingToDo: 'Er is niets te importeren.',
    done: (created: number, updated: number) =>
      `Geïmporteerd: ${created} nieuw, ${updated} bijgewerkt.`,
    busy: 'Bezig met importeren…',
  },
} as const
