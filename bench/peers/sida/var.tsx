/** Rendering bench page: OUR list component (the Ärendebalanslista's UppdragVy) with the 5,000 bench rows. */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { STANDARD_DAGAR_TILL_INAKTUELL } from '../../../src/domain/uppdrag';
import { UppdragVy } from '../../../src/webparts/arendebalans/components/lista';
import { BENCH_IDAG, skapaUppdrag } from '../uppdragRader';
import { installera } from './matning';

const uppdrag = skapaUppdrag();
const oppna = (): void => undefined;

installera((rot) => ReactDom.render(
  <UppdragVy uppdrag={uppdrag} idag={BENCH_IDAG} dagarTillInaktuell={STANDARD_DAGAR_TILL_INAKTUELL} onOppna={oppna} />, rot
), uppdrag.length);
