/**
 * The Spanish of every description in the JSON Schemas of ../schema, keyed by the English one:
 * the format check quotes a description in its hints ("add meta.legal: the seed clauses ..."),
 * and a designer reading Spanish gets it in Spanish. A test checks that every description of
 * the schemas has its entry here, so a description changed in a schema must change here too.
 */
export const SCHEMA_DESCRIPTIONS_ES: Readonly<Record<string, string>> = {
  'Building blocks the protocol, variant, form and invariants schemas share: texts in both languages, ids, roles, countries, JSON Logic and seed citations. Not a file kind of its own.':
    'Bloques que comparten los esquemas de protocolo, variante, formulario e invariantes: textos en los dos idiomas, ids, roles, países, JSON Logic y citas del documento base. No es un tipo de archivo propio.',
  'A text in both languages the product ships: Spanish first, English complete. Neither may be empty.':
    'Un texto en los dos idiomas del producto: primero en español, completo en inglés. Ninguno puede quedar vacío.',
  'the Spanish text (not empty)': 'el texto en español (no vacío)',
  'the English text (not empty)': 'el texto en inglés (no vacío)',
  'An id in kebab-case: lowercase letters, digits and hyphens, starting with a letter, e.g. "child-repatriation".':
    'Un id en kebab-case: letras minúsculas, dígitos y guiones, empezando por una letra, p. ej. "child-repatriation".',
  'A version number: a positive integer (1, 2, 3, ...). Published versions never change.':
    'Un número de versión: un entero positivo (1, 2, 3, ...). Las versiones publicadas nunca cambian.',
  'A protocol version as "id@version", e.g. "child-repatriation@1".':
    'Una versión de un protocolo como "id@versión", p. ej. "child-repatriation@1".',
  'A protocol as "id" (its latest version) or "id@version".':
    'Un protocolo como "id" (su última versión) o "id@versión".',
  "A name of a guard, delay or deadline: letters, digits, '_' and '-', starting with a letter, e.g. \"isMinor\".":
    "Un nombre de condición, plazo automático o plazo: letras, dígitos, '_' y '-', empezando por una letra, p. ej. \"isMinor\".",
  'A state tag the invariants speak of, in kebab-case, e.g. "best-interest".':
    'Una etiqueta de etapa de las que hablan las invariantes, en kebab-case, p. ej. "best-interest".',
  'A role of the fixed vocabulary.': 'Un rol del vocabulario fijo.',
  'Roles allowed to act, each once.': 'Los roles que pueden actuar, cada uno una vez.',
  'A country of the coalition or the wider migration conference (ISO 3166-1 alpha-2).':
    'Un país de la coalición o de la conferencia migratoria ampliada (ISO 3166-1 alfa-2).',
  "REGIONAL for the coalition's base protocols, or the country of a national protocol.":
    'REGIONAL para los protocolos base de la coalición, o el país de un protocolo nacional.',
  'Which country an action means: "case" (the case\'s own country), "origin" (the victim\'s country of origin) or a fixed country code.':
    'A qué país se refiere una acción del sistema: "case" (el país del caso), "origin" (el país de origen de la víctima) o un código de país fijo.',
  'Who a protocol is for: "child", "adult" or "any".':
    'Para quién es un protocolo: "child", "adult" o "any".',
  'A span of time in hours, e.g. {"hours": 24}.': 'Un lapso en horas, p. ej. {"hours": 24}.',
  'the number of hours (more than 0)': 'el número de horas (más de 0)',
  'Where a deadline or delay counts from: a date-time field of a form recorded before, as "<form id>.<field>", e.g. {"field": "cr-detection.detectedAt"}.':
    'Desde cuándo cuenta un plazo o un plazo automático: un campo de fecha y hora de un formulario guardado antes, como "<id del formulario>.<campo>", p. ej. {"field": "cr-detection.detectedAt"}.',
  'the form id and the date-time field, joined by dots, e.g. "cr-detection.detectedAt"':
    'el id del formulario y el campo de fecha y hora, unidos por puntos, p. ej. "cr-detection.detectedAt"',
  'A span of time in hours, counted from the step or, with "from", from the instant a recorded field holds (never later than from the step), e.g. {"hours": 24, "from": {"field": "cr-detection.detectedAt"}}.':
    'Un lapso en horas, contado desde el paso o, con "from", desde el momento que guarda un campo ya registrado (nunca más tarde que desde el paso), p. ej. {"hours": 24, "from": {"field": "cr-detection.detectedAt"}}.',
  'Where a national variant\'s deadline or delay counts from: a date-time field as in a protocol, e.g. {"field": "cr-detection.detectedAt"}, or null to count from the step again, dropping the anchor of the base\'s deadline or delay.':
    'Desde cuándo cuenta un plazo o un plazo automático de una variante nacional: un campo de fecha y hora como en un protocolo, p. ej. {"field": "cr-detection.detectedAt"}, o null para contar otra vez desde el paso, quitando el punto de partida del plazo o plazo automático de la base.',
  'A span of time in hours as a national variant sets it: without "from" it keeps the anchor of the base\'s deadline or delay, with "from": null it counts from the step, e.g. {"hours": 48, "from": null}.':
    'Un lapso en horas tal como lo pone una variante nacional: sin "from" conserva el punto de partida del plazo o plazo automático de la base, con "from": null cuenta desde el paso, p. ej. {"hours": 48, "from": null}.',
  'A citation of the seed clause a step implements, e.g. {"seed": "004", "clause": "B.3"}; variants add the national law.':
    'Una cita de la cláusula del documento base que implementa una etapa, p. ej. {"seed": "004", "clause": "B.3"}; las variantes añaden la ley nacional.',
  'the seed document: "000" to "004"': 'el documento base: de "000" a "004"',
  'the clause of the seed document, e.g. "B.3" or "#37"':
    'la cláusula del documento base, p. ej. "B.3" o "#37"',
  'national law a variant adds, e.g. "Ley VET (Decreto 9-2009) art. 11"':
    'la ley nacional que añade una variante, p. ej. "Ley VET (Decreto 9-2009) art. 11"',
  'a note on the citation': 'una nota sobre la cita',
  'A JSON Logic condition (https://jsonlogic.com): an operation object such as {"==": [{"var": "case.screening.isMinor"}, true]}, or the constant true or false. Data, never a string of code.':
    'Una condición JSON Logic (https://jsonlogic.com): un objeto de operación como {"==": [{"var": "case.screening.isMinor"}, true]}, o la constante true o false. Son datos, nunca un texto con código.',
  'An operand of JSON Logic: a literal, a list of operands or an operation.':
    'Un operando de JSON Logic: un literal, una lista de operandos o una operación.',
  'One JSON Logic operation: an object with exactly one key, the operator.':
    'Una operación de JSON Logic: un objeto con exactamente una clave, el operador.',
  'One version of a protocol: an XState v5 statechart written as JSON data, with a form at each step, the guards (JSON Logic), the events and the seed clauses each step implements. Forms are referenced by id, not embedded.':
    'Una versión de un protocolo: un diagrama de etapas de XState v5 escrito como datos JSON, con un formulario en cada etapa, las condiciones (JSON Logic), las acciones (eventos) y las cláusulas del documento base que implementa cada etapa. Los formularios se indican por id, no se incluyen dentro.',
  'path or URL of this schema, for editors': 'ruta o URL de este esquema, para los editores',
  'the kind of file: "protocol"': 'el tipo de archivo: "protocol"',
  'the protocol\'s id, in kebab-case, e.g. "child-repatriation"':
    'el id del protocolo, en kebab-case, p. ej. "child-repatriation"',
  'the version number, a positive integer': 'el número de versión, un entero positivo',
  'REGIONAL, or the country of a national protocol': 'REGIONAL, o el país de un protocolo nacional',
  "the protocol's title": 'el título del protocolo',
  'what the protocol is for': 'para qué sirve el protocolo',
  'who the protocol is for: "child", "adult" or "any"':
    'para quién es el protocolo: "child", "adult" o "any"',
  'ids of shared invariants (workflows/invariants.json) this protocol must satisfy, beyond those for its population':
    'ids de invariantes compartidas (workflows/invariants.json) que este protocolo debe cumplir, además de las de su población',
  'invariants of this protocol alone': 'invariantes solo de este protocolo',
  'every event the protocol uses, with the label of the button that sends it':
    'todas las acciones (eventos) que usa el protocolo, con el texto del botón que las envía',
  'named conditions (JSON Logic) that transitions refer to by name':
    'condiciones con nombre (JSON Logic) a las que las transiciones se refieren por su nombre',
  'named delays that delayed transitions ("after") refer to':
    'plazos automáticos con nombre a los que se refieren las transiciones por tiempo ("after")',
  "A state's key: letters, digits, '_' and '-', starting with a letter, e.g. \"riskAssessment\".":
    "La clave de una etapa: letras, dígitos, '_' y '-', empezando por una letra, p. ej. \"riskAssessment\".",
  'A state\'s dotted path from the machine root, e.g. "protection.consularNotification".':
    'La ruta de una etapa desde la raíz de la máquina, con puntos, p. ej. "protection.consularNotification".',
  "An explicit state id, targeted as \"#id\": letters, digits, '_' and '-', starting with a letter.":
    "Un id explícito de etapa, para apuntarle como \"#id\": letras, dígitos, '_' y '-', empezando por una letra.",
  "An event name: letters, digits, '_', '-' and '.', starting with a letter, not starting with \"xstate.\", e.g. \"SUBMIT_SCREENING\".":
    "Un nombre de acción (evento): letras, dígitos, '_', '-' y '.', empezando por una letra y sin empezar por \"xstate.\", p. ej. \"SUBMIT_SCREENING\".",
  'A target state as XState resolves it: a sibling key ("riskAssessment"), a child (".shelter") or an absolute reference from an id ("#child-repatriation.decision.return").':
    'Una etapa de destino como la resuelve XState: la clave de una etapa del mismo nivel ("riskAssessment"), una sub-etapa (".shelter") o una referencia absoluta desde un id ("#child-repatriation.decision.return").',
  'The label and help of an event, shown on the action button that sends it.':
    'El texto y la ayuda de una acción (evento), que se muestran en el botón que la envía.',
  'the label of the button': 'el texto del botón',
  'help shown with the button': 'la ayuda que se muestra con el botón',
  'A named condition: JSON Logic over {case, form} and what it means.':
    'Una condición con nombre: JSON Logic sobre {case, form} y lo que significa.',
  'the condition, a JSON Logic object such as {"==": [{"var": "form.decision"}, "return"]}':
    'la condición, un objeto JSON Logic como {"==": [{"var": "form.decision"}, "return"]}',
  'what the condition means, shown when it blocks a step':
    'lo que significa la condición, que se muestra cuando impide un paso',
  'The anonymised profile of a case for statistics: each field a JSON Logic expression over {case}.':
    'El perfil anonimizado de un caso para las estadísticas: cada campo, una expresión JSON Logic sobre {case}.',
  "the victim's country of origin": 'el país de origen de la víctima',
  "the victim's sex": 'el sexo de la víctima',
  "the victim's age group": 'el grupo de edad de la víctima',
  'the type of exploitation': 'el tipo de explotación',
  'An action of the fixed vocabulary: recordForm, setDeadline, clearDeadline, notifyFocalPoint, openLinkedCase.':
    'Una acción del sistema del vocabulario fijo: recordForm, setDeadline, clearDeadline, notifyFocalPoint, openLinkedCase.',
  'the action: recordForm, setDeadline, clearDeadline, notifyFocalPoint or openLinkedCase':
    'la acción del sistema: recordForm, setDeadline, clearDeadline, notifyFocalPoint u openLinkedCase',
  "Store the submitted form data in the case under the form's id (params.form, else the source state's form).":
    'Guarda en el caso los datos del formulario enviado, bajo el id del formulario (params.form o, si no, el formulario de la etapa de origen).',
  "which form to record; leave out to record the source state's form":
    'qué formulario guardar; omítalo para guardar el formulario de la etapa de origen',
  'the id of the form to record': 'el id del formulario que se guarda',
  'Start a named deadline on the case, due hours after the step, or after the instant a recorded field holds ("from").':
    'Pone en el caso un plazo con nombre, que vence "hours" horas después del paso, o después del momento que guarda un campo ya registrado ("from").',
  'the deadline: {name, hours, title, from}': 'el plazo: {name, hours, title, from}',
  "the deadline's name, to clear it later": 'el nombre del plazo, para quitarlo más adelante',
  'hours until it is due (more than 0)': 'horas hasta que vence (más de 0)',
  'what is due, shown on the worklist': 'lo que vence, que se muestra en la lista de trabajo',
  'Clear a deadline set earlier by setDeadline.': 'Quita un plazo puesto antes con setDeadline.',
  'the deadline to clear: {name}': 'el plazo que se quita: {name}',
  'the name given in setDeadline': 'el nombre que se le dio en setDeadline',
  'Tell the focal point (liaison) of a country about this case.':
    'Avisa de este caso al enlace (punto focal) de un país.',
  'whom and why: {country, reason}': 'a quién y por qué: {country, reason}',
  '"case", "origin" or a country code': '"case", "origin" o un código de país',
  'why the focal point is told': 'por qué se avisa al enlace',
  'Open a case linked to this one, under another protocol, in the country named.':
    'Abre un caso vinculado a este, con otro protocolo, en el país indicado.',
  'the linked case: {protocol, country, relation}': 'el caso vinculado: {protocol, country, relation}',
  'the protocol of the new case, "id" or "id@version"': 'el protocolo del caso nuevo, "id" o "id@versión"',
  '"referral" or "handover"': '"referral" (derivación) o "handover" (traspaso)',
  'Actions run in order.': 'Acciones del sistema, que se ejecutan en orden.',
  'A transition: where to go, under which guard, with which actions, by whom.':
    'Una transición: adónde va, con qué condición, con qué acciones del sistema y quién puede tomarla.',
  "the name of a guard in the protocol's guards": 'el nombre de una condición de las "guards" del protocolo',
  "roles allowed to take this transition; leave out to use the source state's roles":
    'los roles que pueden tomar esta transición; omítalo para usar los roles de la etapa de origen',
  'what the transition means': 'lo que significa la transición',
  'One transition, or a list tried in order (the first whose guard holds is taken).':
    'Una transición, o una lista que se prueba en orden (se toma la primera cuya condición se cumple).',
  'Transitions by event.': 'Transiciones por acción (evento).',
  'What a case worker and an auditor see of a state.':
    'Lo que el personal de casos y la auditoría ven de una etapa.',
  "the step's title": 'el título de la etapa',
  'what happens at this step': 'lo que ocurre en esta etapa',
  'the id of the form a case worker fills in this state':
    'el id del formulario que llena el personal de casos en esta etapa',
  'roles allowed to act in this state': 'los roles que pueden actuar en esta etapa',
  'the step must be done within this many hours of entering the state, or of the instant a recorded field holds ("from")':
    'la etapa debe hacerse en esta cantidad de horas desde que se entra en ella, o desde el momento que guarda un campo ya registrado ("from")',
  'the step must be done within this many hours of entering the state, or of the instant a recorded field holds ("from"); without "from" the base\'s anchor stays, "from": null counts from entering the state':
    'la etapa debe hacerse en esta cantidad de horas desde que se entra en ella, o desde el momento que guarda un campo ya registrado ("from"); sin "from" se conserva el punto de partida de la base, "from": null cuenta desde que se entra en la etapa',
  'the seed clauses (and, in variants, national law) this state implements':
    'las cláusulas del documento base (y, en las variantes, la ley nacional) que implementa esta etapa',
  'the institution that acts at this step': 'la institución que actúa en esta etapa',
  'A case in this state (or in a state inside it) may be handed over by hand to another country; in every other state the server refuses it.':
    'Un caso en esta etapa (o en una etapa dentro de ella) puede traspasarse a mano a otro país; en cualquier otra etapa el servidor lo rechaza.',
  "the seed clauses (and, in variants, national law) that allow the person's data to cross a border at this step":
    'las cláusulas del documento base (y, en las variantes, la ley nacional) que permiten que los datos de la persona crucen una frontera en esta etapa',
  'why a handover is possible here, for designers and auditors':
    'por qué aquí es posible un traspaso, para quienes diseñan y auditan',
  'the answers of this choice field that mean the person fears persecution or seeks international protection: a case that records one is not handed over to the country of origin':
    'las respuestas de este campo de opciones que significan que la persona teme persecución o busca protección internacional: un caso que registra una no se traspasa al país de origen',
  "Changes to a state's metadata: the keys given replace the base's; legal references are added to the base's.":
    'Cambios en los metadatos de una etapa: las claves indicadas reemplazan las de la base; las referencias legales se añaden a las de la base.',
  'citations to add, e.g. the national law': 'citas que se añaden, p. ej. la ley nacional',
  'A state of the statechart (XState v5 config) with Ruta metadata.':
    'Una etapa del diagrama (configuración de XState v5) con los metadatos de Ruta.',
  '"atomic", "compound", "parallel" or "final"': '"atomic", "compound", "parallel" o "final"',
  'the key of the child state entered first': 'la clave de la sub-etapa en la que se entra primero',
  'an explicit id, to target this state as "#id"': 'un id explícito, para apuntar a esta etapa como "#id"',
  'child states by key': 'las sub-etapas, por clave',
  "delayed transitions, by the name of a delay in the protocol's delays":
    'las transiciones por tiempo, por el nombre de un plazo automático de las "delays" del protocolo',
  "taken when the state's children are done": 'se toma cuando terminan las sub-etapas de la etapa',
  'actions when the state is entered': 'acciones del sistema al entrar en la etapa',
  'actions when the state is left': 'acciones del sistema al salir de la etapa',
  'tags the invariants speak of: "consent", "best-interest", "risk-assessment", "travel", ...':
    'etiquetas de las que hablan las invariantes: "consent", "best-interest", "risk-assessment", "travel", ...',
  "the step's title, form, roles, deadline, institution and legal citations":
    'el título, el formulario, los roles, el plazo, la institución y las citas legales de la etapa',
  'The statechart: XState v5 JSON config.': 'El diagrama de etapas: configuración JSON de XState v5.',
  "the machine's id: the protocol's id": 'el id de la máquina: el id del protocolo',
  'the key of the first state': 'la clave de la primera etapa',
  'the top-level states by key': 'las etapas de primer nivel, por clave',
  'transitions available in every state, such as a withdrawal of consent':
    'transiciones disponibles en todas las etapas, como el retiro del consentimiento',
  "A country's variant of a protocol version: the base it derives from and the changes its law requires (institutions, extra steps or fields, deadlines, labels), applied in order. A variant keeps its base's population and invariants: it can never drop the regional guarantees.":
    'La variante de un país de una versión de protocolo: la base de la que deriva y los cambios que exige su ley (instituciones, etapas o campos adicionales, plazos, textos), aplicados en orden. Una variante conserva la población y las invariantes de su base: nunca puede dejar de lado las garantías regionales.',
  'the kind of file: "variant"': 'el tipo de archivo: "variant"',
  'the variant\'s id, in kebab-case, e.g. "child-repatriation-gt"':
    'el id de la variante, en kebab-case, p. ej. "child-repatriation-gt"',
  'the country of the variant (a country code, never REGIONAL)':
    'el país de la variante (un código de país, nunca REGIONAL)',
  'the protocol or variant this derives from, "id@version"':
    'el protocolo o la variante de la que deriva, "id@versión"',
  "the variant's title": 'el título de la variante',
  'what the variant changes and why': 'qué cambia la variante y por qué',
  'the changes to the base, applied in order': 'los cambios a la base, aplicados en orden',
  'One change to the base, applied in order.': 'Un cambio a la base, aplicado en orden.',
  'the kind of change: addState, replaceState, removeState, addTransition, replaceTransition, removeTransition, setStateMeta, removeDeadline, setGuard, setEvent, setDelay, setTitle, addForm, replaceForm, addField, replaceField, removeField':
    'el tipo de cambio: addState, replaceState, removeState, addTransition, replaceTransition, removeTransition, setStateMeta, removeDeadline, setGuard, setEvent, setDelay, setTitle, addForm, replaceForm, addField, replaceField, removeField',
  'Add a new state at path (its parent must have child states).':
    'Añade una etapa nueva en "path" (su etapa madre debe tener sub-etapas).',
  'the dotted path of the state, e.g. "protection.shelter"':
    'la ruta de la etapa, con puntos, p. ej. "protection.shelter"',
  'the new state': 'la etapa nueva',
  'Replace the state at path, children included.':
    'Reemplaza la etapa que está en "path", con sus sub-etapas.',
  'the state that replaces it': 'la etapa que la reemplaza',
  'Remove the state at path, children included.': 'Quita la etapa que está en "path", con sus sub-etapas.',
  'Add a transition for event from the state at from, after the existing ones.':
    'Añade una transición con la acción "event" desde la etapa "from", después de las que ya hay.',
  'the dotted path of the state the transition leaves, e.g. "decision"; "" for the machine\'s own transitions (available in every state)':
    'la ruta, con puntos, de la etapa de la que sale la transición, p. ej. "decision"; "" para las transiciones de la propia máquina (disponibles en todas las etapas)',
  'the event, e.g. "SUBMIT", or "after:<delay>" for a delayed transition':
    'la acción (evento), p. ej. "SUBMIT", o "after:<plazo>" para una transición por tiempo',
  'the transition to add': 'la transición que se añade',
  'Replace every transition for event from the state at from.':
    'Reemplaza todas las transiciones con la acción "event" desde la etapa "from".',
  'the transition, or list of transitions, that replace them':
    'la transición, o lista de transiciones, que las reemplaza',
  'Remove every transition for event from the state at from.':
    'Quita todas las transiciones con la acción "event" desde la etapa "from".',
  'Change a state\'s metadata: the keys given replace the base\'s (institution, deadline, roles, title, form, description), but a deadline without "from" keeps the base deadline\'s anchor ("from": null counts from entering the state); legal references are added to the base\'s.':
    'Cambia los metadatos de una etapa: las claves indicadas reemplazan las de la base (institución, plazo, roles, título, formulario, descripción), pero un plazo sin "from" conserva el punto de partida del plazo de la base ("from": null cuenta desde que se entra en la etapa); las referencias legales se añaden a las de la base.',
  'the metadata to set': 'los metadatos que se ponen',
  'Remove the deadline of the state at path.': 'Quita el plazo de la etapa que está en "path".',
  'Add or replace a named guard.': 'Añade o reemplaza una condición con nombre.',
  "the guard's name": 'el nombre de la condición',
  'the guard: {logic, description}': 'la condición: {logic, description}',
  "Add or replace an event's label.": 'Añade o reemplaza el texto de una acción (evento).',
  'the event': 'la acción (evento)',
  'its label: {title, description}': 'su texto: {title, description}',
  'Add or replace a named delay; one without "from" keeps the anchor of the base\'s delay of that name, one with "from": null counts from the step.':
    'Añade o reemplaza un plazo automático con nombre; uno sin "from" conserva el punto de partida del plazo automático de la base con ese nombre, uno con "from": null cuenta desde el paso.',
  "the delay's name": 'el nombre del plazo automático',
  'the delay, e.g. {"hours": 48}': 'el plazo automático, p. ej. {"hours": 48}',
  "Change the protocol's title (and description).": 'Cambia el título del protocolo (y su descripción).',
  'the new title': 'el título nuevo',
  'the new description': 'la descripción nueva',
  'Add a form the protocol did not have.': 'Añade un formulario que el protocolo no tenía.',
  'the form': 'el formulario',
  "Replace one of the protocol's forms.": 'Reemplaza uno de los formularios del protocolo.',
  'the form that replaces the one with the same id': 'el formulario que reemplaza al que tiene el mismo id',
  'Add a field to a form (a dotted path to nested sections), optionally required.':
    'Añade un campo a un formulario (una ruta con puntos hacia secciones anidadas), obligatorio si se indica.',
  'the id of the form': 'el id del formulario',
  'the dotted path of the field, e.g. "victim.dateOfBirth"':
    'la ruta del campo, con puntos, p. ej. "victim.dateOfBirth"',
  "the field's schema, with x-label": 'el esquema del campo, con x-label',
  'whether the field must be filled': 'si el campo se debe llenar',
  'Replace a field of a form; required, when given, changes whether it must be filled.':
    'Reemplaza un campo de un formulario; "required", si se indica, cambia si se debe llenar.',
  'whether the field must be filled; leave out to keep as in the base':
    'si el campo se debe llenar; omítalo para dejarlo como en la base',
  'Remove a field from a form.': 'Quita un campo de un formulario.',
  'The form a case worker fills at a step: a JSON Schema (draft-07, as react-jsonschema-form reads it) whose fields carry Ruta annotations: x-label and x-help (both languages), x-enumLabels, x-sensitive (identifying or intimate data), x-shareable (may cross a border in a handover) and x-protectionNeed (answers that mean a need for international protection).':
    'El formulario que llena el personal de casos en una etapa: un JSON Schema (draft-07, como lo lee react-jsonschema-form) cuyos campos llevan anotaciones de Ruta: x-label y x-help (en los dos idiomas), x-enumLabels, x-sensitive (datos identificatorios o íntimos), x-shareable (puede cruzar una frontera en un traspaso) y x-protectionNeed (respuestas que significan una necesidad de protección internacional).',
  'the kind of file: "form"': 'el tipo de archivo: "form"',
  'the form\'s id, in kebab-case, e.g. "risk-assessment"':
    'el id del formulario, en kebab-case, p. ej. "risk-assessment"',
  "the form's title": 'el título del formulario',
  'what the form records': 'lo que registra el formulario',
  'the form\'s fields: a JSON Schema with "type": "object"':
    'los campos del formulario: un JSON Schema con "type": "object"',
  'react-jsonschema-form uiSchema: widgets, order, placeholders':
    'uiSchema de react-jsonschema-form: controles, orden, textos de ejemplo',
  'valid sample submissions, one per meaningful branch (used by tests, the simulator and Storybook)':
    'envíos de ejemplo válidos, uno por cada rama importante (los usan las pruebas, el simulador y Storybook)',
  "A field's key: letters, digits and '_', starting with a letter, e.g. \"dateOfBirth\".":
    'La clave de un campo: letras, dígitos y \'_\', empezando por una letra, p. ej. "dateOfBirth".',
  'A field\'s dotted path into nested sections, e.g. "victim.dateOfBirth".':
    'La ruta de un campo, con puntos, hacia secciones anidadas, p. ej. "victim.dateOfBirth".',
  "The form's top-level schema: an object with properties.":
    'El esquema de primer nivel del formulario: un objeto con propiedades.',
  'always "object" at the top of a form': 'siempre "object" en el primer nivel de un formulario',
  'A field of the form: a schema with a label in both languages (x-label).':
    'Un campo del formulario: un esquema con una etiqueta en los dos idiomas (x-label).',
  'A JSON Schema (draft-07) of the keywords react-jsonschema-form renders, with Ruta annotations.':
    'Un JSON Schema (draft-07) con las palabras clave que muestra react-jsonschema-form y las anotaciones de Ruta.',
  'the type of value: object, array, string, number, integer, boolean or null':
    'el tipo de valor: object, array, string, number, integer, boolean o null',
  'the fields of a section, by key': 'los campos de una sección, por clave',
  'keys of the fields that must be filled': 'las claves de los campos que se deben llenar',
  'the schema of each item of a list': 'el esquema de cada elemento de una lista',
  'the allowed values, e.g. ["return", "stay", "thirdCountry"]; label them with x-enumLabels':
    'los valores permitidos, p. ej. ["return", "stay", "thirdCountry"]; póngales etiquetas con x-enumLabels',
  'a string format, e.g. "date" or "email"': 'un formato de texto, p. ej. "date" o "email"',
  'the fewest characters': 'la menor cantidad de caracteres',
  'the most characters (2000 when left out)': 'la mayor cantidad de caracteres (2000 si se omite)',
  'the smallest number allowed': 'el menor número permitido',
  'the largest number allowed': 'el mayor número permitido',
  'the fewest items': 'la menor cantidad de elementos',
  'the most items (200 when left out)': 'la mayor cantidad de elementos (200 si se omite)',
  'whether items must differ': 'si los elementos deben ser distintos',
  'a regular expression the text must match': 'una expresión regular que el texto debe cumplir',
  'always false once the form is loaded: fields not declared are refused':
    'siempre false una vez cargado el formulario: se rechazan los campos no declarados',
  'the value a new form starts with': 'el valor con el que empieza un formulario nuevo',
  'the only value allowed (mostly inside if/then conditions)':
    'el único valor permitido (sobre todo dentro de condiciones if/then)',
  'a condition on the data (no labels needed); then applies when it holds, else when it does not':
    'una condición sobre los datos (sin etiquetas); "then" se aplica cuando se cumple, "else" cuando no',
  'what applies when the if condition holds, e.g. {"required": ["detail"]}':
    'lo que se aplica cuando se cumple la condición "if", p. ej. {"required": ["detail"]}',
  'what applies when the if condition does not hold':
    'lo que se aplica cuando no se cumple la condición "if"',
  'schemas that all apply': 'esquemas que se aplican todos',
  'what applies when a field is filled: a list of fields then required, or a schema':
    'lo que se aplica cuando se llena un campo: una lista de campos que pasan a ser obligatorios, o un esquema',
  "the field's label": 'la etiqueta del campo',
  'help shown under the field': 'la ayuda que se muestra debajo del campo',
  'labels of the enum choices, in the same order':
    'las etiquetas de las opciones de "enum", en el mismo orden',
  'identifying or intimate data: hidden until revealed with a stated reason':
    'datos identificatorios o íntimos: ocultos hasta que alguien los revele indicando el motivo',
  'may cross a border in a handover packet (only what the receiving country needs)':
    'puede cruzar una frontera en el paquete de traspaso (solo lo que necesita el país que recibe)',
  'a date or date and time of something that happened: not later than the moment the step is recorded (top-level fields of format date or date-time)':
    'fecha, o fecha y hora, de algo que ya ocurrió: no puede ser posterior al momento en que se registra el paso (campos de primer nivel con formato date o date-time)',
  'A list of field keys, or a schema.': 'Una lista de claves de campos, o un esquema.',
  'A condition on the data, as in "if": {"properties": {"decision": {"const": "stay"}}}: JSON Schema keywords only, no labels.':
    'Una condición sobre los datos, como en "if": {"properties": {"decision": {"const": "stay"}}}: solo palabras clave de JSON Schema, sin etiquetas.',
  'conditions on fields, by key': 'condiciones sobre los campos, por clave',
  'a condition on the data; then applies when it holds, else when it does not':
    'una condición sobre los datos; "then" se aplica cuando se cumple, "else" cuando no',
  'A list of field keys, or a condition.': 'Una lista de claves de campos, o una condición.',
  "The regional invariants: properties every path through a protocol's statechart must have (a child is never returned without a best-interest determination, consent can be withdrawn until travel, ...), each for the populations it applies to.":
    'Las invariantes regionales: propiedades que debe tener todo camino por el diagrama de etapas de un protocolo (nunca se devuelve a una niña o un niño sin una determinación del interés superior, el consentimiento se puede retirar hasta el viaje, ...), cada una para las poblaciones a las que se aplica.',
  'the kind of file: "invariants"': 'el tipo de archivo: "invariants"',
  'the shared invariants, each with the populations it applies to':
    'las invariantes compartidas, cada una con las poblaciones a las que se aplica',
  'Matches the states that carry a tag, e.g. {"tag": "travel"}.':
    'Selecciona las etapas que llevan una etiqueta, p. ej. {"tag": "travel"}.',
  'the state tag to match': 'la etiqueta de etapa que se busca',
  'A state that must come before: one selector, or a list of selectors of which any one will do.':
    'Una etapa que debe venir antes: un selector, o una lista de selectores de la que basta uno.',
  'the kind of invariant: "mustPassBefore" or "availableUntil"':
    'el tipo de invariante: "mustPassBefore" o "availableUntil"',
  'An invariant of one protocol (ownInvariants).': 'Una invariante de un solo protocolo (ownInvariants).',
  'A shared invariant, with the populations it applies to.':
    'Una invariante compartida, con las poblaciones a las que se aplica.',
  'the populations this invariant applies to: "child", "adult", "any"':
    'las poblaciones a las que se aplica esta invariante: "child", "adult", "any"',
  'Every path from the initial state to a state matching target passes, before it, through a state matching each entry of requires.':
    'Todo camino desde la etapa inicial hasta una etapa que coincide con "target" pasa antes por una etapa que coincide con cada entrada de "requires".',
  "the invariant's id, in kebab-case": 'el id de la invariante, en kebab-case',
  'the states that must not be reached too early': 'las etapas a las que no se debe llegar demasiado pronto',
  'the states that must come first; a list inside the list is satisfied by any one of its selectors':
    'las etapas que deben venir antes; una lista dentro de la lista se cumple con cualquiera de sus selectores',
  'what the invariant guarantees, for auditors': 'lo que garantiza la invariante, para la auditoría',
  'From every state reachable before a state matching until is entered, event is available.':
    'Desde toda etapa a la que se puede llegar antes de entrar en una que coincide con "until", la acción "event" está disponible.',
  'the event that must stay available, e.g. "WITHDRAW_CONSENT"':
    'la acción (evento) que debe seguir disponible, p. ej. "WITHDRAW_CONSENT"',
  'the states from which on the event may stop being available':
    'las etapas a partir de las cuales la acción puede dejar de estar disponible',
  'A shared mustPassBefore invariant.': 'Una invariante compartida de tipo mustPassBefore.',
  'A shared availableUntil invariant.': 'Una invariante compartida de tipo availableUntil.',
};
