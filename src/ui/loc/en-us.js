define([], function () {
  return {
    StatusEjPaborjat: 'Not started',
    StatusPagar: 'In progress',
    StatusForsenat: 'Delayed',
    StatusDelvisVerkstallt: 'Partly implemented',
    StatusVerkstallt: 'Implemented',
    StatusForeslasAvskrivas: 'Proposed to be closed',
    ForsenadDagar: 'Delayed {0} days',
    ForsenadIdag: 'Delayed as of today',
    Inaktuell: 'Not updated for {0} days',
    OfflineBanner: 'SharePoint cannot be reached right now. You are seeing the most recently fetched data; changes cannot be saved until the connection is back.',
    SekretessNotis: 'Confidential – do not distribute. The documents in this library are covered by secrecy under the Public Access to Information and Secrecy Act.',
    Kommande: 'Coming in the next version',
    FelRubrik: 'Something went wrong',
    FelOkant: 'An unexpected error occurred. Reload the page; if the error remains, contact the municipality\'s IT support.',
    Laddar: 'Loading…',
    ForsokIgen: 'Try again',
    FelInloggning: 'You are not signed in, or your sign-in has expired. Reload the page and sign in again.',
    FelBehorighet: 'You do not have permission for this. Contact the site owner if you need access.',
    FelSaknas: 'The information does not exist, or you do not have permission to see it.',
    FelKonflikt: 'Someone else has saved a change since you opened this. Nothing was overwritten.',
    FelOgiltig: 'The information could not be saved because a value is not valid.',
    FelTroskel: 'The list is too large for this query. Narrow the selection and try again.',
    FelStrypt: 'Microsoft 365 is receiving too many requests right now. Wait a moment and try again.',
    FelNatverk: 'Microsoft 365 could not be reached. Check the network connection and try again.',
    FelOkantData: 'The information could not be fetched. Try again later; if the error remains, contact the municipality\'s IT support.'
  };
});
