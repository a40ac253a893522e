import * as React from 'react';
import { ArendeportalWebPart } from '../common/ArendeportalWebPart';
import { SurfplattorApp } from './components/SurfplattorApp';

export default class SurfplattorWebPart extends ArendeportalWebPart<object> {
  protected renderInnehall(): React.ReactElement {
    return <SurfplattorApp />;
  }
}
