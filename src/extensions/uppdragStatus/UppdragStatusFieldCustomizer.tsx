import * as React from 'react';
import * as ReactDom from 'react-dom';
import { BaseFieldCustomizer, IFieldCustomizerCellEventParameters } from '@microsoft/sp-listview-extensibility';
import { uppdragLageFranListvy } from '../../data/listvyrad';
import { swedishDate } from '../../domain/dates';
import { PartRoot } from '../../ui/PartRoot';
import { StatusCell } from './components/StatusCell';

/** Bound to the Uppdrag list's Status column by provisioning (the field's ClientSideComponentId). */
export default class UppdragStatusFieldCustomizer extends BaseFieldCustomizer<object> {
  public onRenderCell(event: IFieldCustomizerCellEventParameters): void {
    const lage = uppdragLageFranListvy((namn) => event.listItem.getValueByName(namn));
    ReactDom.render(
      <PartRoot>
        <StatusCell lage={lage} radText={String(event.fieldValue ?? '')} idag={swedishDate(new Date())} />
      </PartRoot>,
      event.domElement
    );
  }

  public onDisposeCell(event: IFieldCustomizerCellEventParameters): void {
    ReactDom.unmountComponentAtNode(event.domElement);
    super.onDisposeCell(event);
  }
}
