import type { Ref } from "preact";
import type { RecordJson } from "../../../shared/api/types";
import type { RecordLayout } from "../model/layout";
import { FieldView } from "./FieldView";

// The record's fields; the section takes the focus when a record appears.
export function RecordFields({ record, layout, sectionRef }: { record: RecordJson; layout: RecordLayout; sectionRef: Ref<HTMLElement> }) {
  const { shown, compared } = layout;
  return (
    <section ref={sectionRef} tabIndex={-1} class="record-fields" aria-label="The record" data-record-id={record.id}>
      <p class="record-name muted">Record {record.external_id || record.id}</p>
      {shown.map((field) => (
        <FieldView key={field.name} field={field} value={record.fields[field.name]} />
      ))}
      {compared.length > 0 && (
        <div class={"compare columns-" + Math.min(compared.length, 2)}>
          {compared.map((field, index) => (
            <FieldView key={field.name} field={field} value={record.fields[field.name]}
                       badge={compared.length <= 2 ? String.fromCharCode(65 + index) : String(index + 1)} />
          ))}
        </div>
      )}
    </section>
  );
}
