define([], function () {
  return {
    StatusEjPaborjat: 'Ej påbörjat',
    StatusPagar: 'Pågår',
    StatusForsenat: 'Försenat',
    StatusDelvisVerkstallt: 'Delvis verkställt',
    StatusVerkstallt: 'Verkställt',
    StatusForeslasAvskrivas: 'Föreslås avskrivas',
    ForsenadDagar: 'Försenat {0} dagar',
    ForsenadIdag: 'Försenat sedan i dag',
    Inaktuell: 'Ej uppdaterat på {0} dagar',
    OfflineBanner: 'SharePoint går inte att nå just nu. Det du ser är senast hämtade uppgifter; ändringar kan inte sparas förrän anslutningen är tillbaka.',
    SekretessNotis: 'Sekretess – får inte spridas. Handlingarna i det här biblioteket omfattas av sekretess enligt offentlighets- och sekretesslagen.',
    Kommande: 'Kommer i nästa version',
    FelRubrik: 'Något gick fel',
    FelOkant: 'Ett oväntat fel inträffade. Ladda om sidan; om felet kvarstår, kontakta kommunens IT-support.',
    Laddar: 'Hämtar…',
    ForsokIgen: 'Försök igen',
    FelInloggning: 'Du är inte inloggad, eller så har inloggningen gått ut. Ladda om sidan och logga in igen.',
    FelBehorighet: 'Du saknar behörighet till det här. Kontakta webbplatsens ägare om du behöver åtkomst.',
    FelSaknas: 'Uppgifterna finns inte, eller så har du inte behörighet att se dem.',
    FelKonflikt: 'Någon annan har sparat en ändring sedan du öppnade uppgifterna. Inget har skrivits över.',
    FelOgiltig: 'Uppgifterna kunde inte sparas eftersom något värde inte är giltigt.',
    FelTroskel: 'Listan är för stor för den här sökningen. Begränsa urvalet och försök igen.',
    FelStrypt: 'Microsoft 365 tar emot för många förfrågningar just nu. Vänta en stund och försök igen.',
    FelNatverk: 'Det gick inte att nå Microsoft 365. Kontrollera nätverksanslutningen och försök igen.',
    FelOkantData: 'Uppgifterna kunde inte hämtas. Försök igen senare; om felet kvarstår, kontakta kommunens IT-support.'
  };
});
