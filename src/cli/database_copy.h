// Copying a whole database from one store to another (`quorum migrate`): SQLite to PostgreSQL,
// back, or SQLite to SQLite, through the Store interface alone.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "store/store.h"

namespace quorum {

// What CopyDatabase copied.
struct CopyCounts {
  int64_t workspaces = 0;
  int64_t users = 0;
  int64_t memberships = 0;
  int64_t projects = 0;
  int64_t records = 0;
  int64_t responses = 0;
  int64_t reviews = 0;
  int64_t tokens = 0;
};

// Copies everything `from` holds into `to`, which must be empty (no workspace, user or project;
// kConflict otherwise, naming what it holds): workspaces, users with their password hashes,
// memberships, projects with schema, settings and guidelines, records with metadata, gold and
// priority, their suggestions, responses with every revision and their reviews, and API tokens (revoked ones too,
// so scripts keep working and revoked keys stay refused). Every id people and scripts use is
// kept: workspace, user, project, record, response and token ids, and the target goes on
// numbering each kind after the highest id the source ever gave out (deleted rows included),
// so an id never names two different rows. Not copied: login sessions
// (people log in again), reservations and the hand-out history (live reservations are
// released: those records return to the queue), failed-login counts, records' uncertainty
// scores (the interface cannot read them; whatever set them sets them again) and creation times
// of workspaces, users, projects and tokens (the target's clock stamps them).
// Each project's records, suggestions and responses go in one import batch (all or nothing);
// the rest are single writes, so a failure part-way leaves `to` partly filled: the error says
// so, and the caller should empty `to` before trying again. kInternal when `to` does not give a
// copied row the id it had.
Result<CopyCounts> CopyDatabase(Store& from, Store& to);

}  // namespace quorum
