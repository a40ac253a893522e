/** Sending a plain-text mail as the signed-in user (Mail.Send), e.g. "Begär statusuppdatering". */
import { GraphFI } from '@pnp/graph';
import '@pnp/graph/users';
import '@pnp/graph/mail';
import { tolkaDataFel } from '../fel';

export interface IUtskick {
  till: string;
  amne: string;
  /** Plain text: no HTML is built from list data, so nothing in a row can inject markup into a mail. */
  text: string;
}

export interface IUtskickTjanst {
  skicka(utskick: IUtskick): Promise<void>;
}

export class GraphUtskick implements IUtskickTjanst {
  public constructor(private readonly graph: GraphFI) {}

  public async skicka({ till, amne, text }: IUtskick): Promise<void> {
    try {
      await this.graph.me.sendMail({
        subject: amne,
        body: { contentType: 'text', content: text },
        toRecipients: [{ emailAddress: { address: till } }]
      }, true);
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }
}
