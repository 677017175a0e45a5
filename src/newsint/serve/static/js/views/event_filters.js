// The event filters the map and the network share: type, modality, actor code, period.

import { el } from "../dom.js";
import { navigate } from "../state.js";

const MODALITIES = ["", "asserted", "reported", "hypothetical", "conditional", "negated", "future"];

export function eventFilterForm(filters) {
  const type = el("input", { name: "event_type", value: filters.event_type || "", placeholder: "ASSAULT, MOBILIZE…", "aria-label": "Event type", size: 14 });
  const actor = el("input", { name: "actor", value: filters.actor || "", placeholder: "RUS, BLR MIL…", "aria-label": "Actor code", size: 10 });
  const modality = el("select", { name: "modality", "aria-label": "Modality" },
    MODALITIES.map((m) => el("option", { value: m, selected: (filters.modality || "") === m }, m || "any modality")));
  const from = el("input", { type: "date", name: "from", value: filters.from || "", "aria-label": "From" });
  const to = el("input", { type: "date", name: "to", value: filters.to || "", "aria-label": "To" });
  return el("form", {
    class: "filters",
    onsubmit: (event) => {
      event.preventDefault();
      navigate({ event_type: type.value.trim().toUpperCase(), actor: actor.value.trim().toUpperCase(), modality: modality.value, from: from.value, to: to.value });
    },
  }, "Type ", type, " actor ", actor, " ", modality, " from ", from, " to ", to, " ", el("button", { type: "submit" }, "Filter"));
}
