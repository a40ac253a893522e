import * as React from 'react';
import { ArendeportalWebPart } from '../common/ArendeportalWebPart';
import { MotesportalApp } from './components/MotesportalApp';

export default class MotesportalWebPart extends ArendeportalWebPart<object> {
  protected renderInnehall(): React.ReactElement {
    return <MotesportalApp />;
  }
}
