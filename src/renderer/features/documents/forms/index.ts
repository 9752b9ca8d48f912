import type { DocumentType } from '../../../../shared/documents/stored'
import { actueelOordeelForm, probleemanalyseForm } from './bedrijfsarts-forms'
import { eerstejaarsevaluatieForm, eindevaluatieForm, evaluatieForm } from './evaluation-forms'
import type { DocumentFormKind } from './form-kind'
import { melding42Form } from './melding-42-form'
import { planVanAanpakForm } from './plan-form'
import { functieEnBekwaamhedenForm, oordeelWerknemerForm } from './werknemer-forms'

/** The form of each document element, by its type. */
export const DOCUMENT_FORM_KINDS: Record<DocumentType, DocumentFormKind> = {
  'functie-en-bekwaamheden': functieEnBekwaamhedenForm,
  probleemanalyse: probleemanalyseForm,
  'plan-van-aanpak': planVanAanpakForm,
  evaluatie: evaluatieForm,
  eerstejaarsevaluatie: eerstejaarsevaluatieForm,
  'actueel-oordeel': actueelOordeelForm,
  eindevaluatie: eindevaluatieForm,
  'oordeel-werknemer': oordeelWerknemerForm,
  'melding-42': melding42Form,
}

export { bijstellingTitle, bijstellingValues } from './plan-form'
export { freshAuthorship } from './form-kind'
export type { DocumentFormKind } from './form-kind'
