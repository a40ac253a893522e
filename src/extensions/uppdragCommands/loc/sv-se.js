define([], function () {
  return {
    BegarRubrik: 'Begär statusuppdatering',
    BegarText: 'Handläggarna för de {0} markerade uppdragen ska få ett mejl om vad som saknas. Utskicket via Microsoft Graph kommer i nästa version.',
    ExportRubrik: 'Exportera redovisning',
    ExportText: 'Redovisningen av ej verkställda beslut till kommunfullmäktige (Word och Excel) kommer i nästa version.',
    FlerRader: 'och {0} till',
    Stang: 'Stäng'
  };
});
