/** Rendering bench page: the PnP ListView peer (bench/peers/pnpListView) with the same 5,000 rows. */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import PnPTelemetry from '@pnp/telemetry-js';
import { PnpLista } from '../pnpListView/PnpLista';
import { skapaUppdrag, tillListRad } from '../uppdragRader';
import { installera } from './matning';

// The controls post usage events to PnP's server a second after a control mounts; not here.
PnPTelemetry.getInstance().optOut();

const rader = skapaUppdrag().map(tillListRad);

installera((rot) => ReactDom.render(<PnpLista rader={rader} />, rot), rader.length);
