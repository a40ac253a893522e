define([], function () {
  return {
    Rubrik: 'E-mail routine',
    Beskrivning: 'Every e-mail in your municipal mailbox is either forwarded to the registrar to be entered in the record or disposed of. Keep the inbox, sent items and deleted items as empty as possible.',
    Inkorg: 'Inbox',
    Skickat: 'Sent items',
    Borttaget: 'Deleted items',
    RegistratorSaknas: 'No registrar address is set. Ask the site owner to set it in the web part settings.',
    RegistratorAdress: 'Official documents are sent to the registrar: {0}',
    EgenskapsBeskrivning: 'Settings for the e-mail routine',
    GruppRegistrator: 'Registration',
    FaltRegistratorAdress: 'Registrar e-mail address',
    FelEpostadress: 'Enter an e-mail address, for example registrator@kommun.se.',
    MapparEtikett: 'Number of e-mails per folder',
    Olasta: '{0} unread',
    Olast: 'unread',
    SenasteRubrik: 'Latest in the inbox',
    SenasteEtikett: 'The latest e-mails in the inbox',
    KolumnFran: 'From',
    KolumnAmne: 'Subject',
    KolumnMottaget: 'Received',
    UtanAmne: '(No subject)',
    OkandAvsandare: 'Unknown sender',
    InkorgTomRubrik: 'The inbox is empty',
    InkorgTomText: 'Everything has been registered or disposed of.',
    FelBehorighet: 'You do not have permission to read the mailbox. Ask the municipality\'s IT support to approve Ärendeportalen\'s access to e-mail.'
  };
});
