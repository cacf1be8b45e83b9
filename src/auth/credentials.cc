#include "auth/credentials.h"

#include "auth/secrets.h"

namespace quorum {

Result<IssuedToken> IssueApiToken(Store& store, int64_t user_id, const std::string& name) {
  QUORUM_ASSIGN_OR_RETURN(std::string secret, RandomHex(20));
  IssuedToken issued;
  issued.key = "qrm_" + secret;
  ApiToken token;
  token.user_id = user_id;
  token.name = name;
  token.token_hash = Sha256Hex(issued.key);
  token.prefix = issued.key.substr(0, 8);
  QUORUM_ASSIGN_OR_RETURN(issued.token, store.CreateToken(token));
  return issued;
}

Result<IssuedSession> StartSession(Store& store, int64_t user_id, const Clock& clock) {
  IssuedSession issued;
  QUORUM_ASSIGN_OR_RETURN(issued.session_id, RandomHex(32));
  QUORUM_ASSIGN_OR_RETURN(issued.session.csrf_token, RandomHex(16));
  issued.session.id_hash = Sha256Hex(issued.session_id);
  issued.session.user_id = user_id;
  issued.session.created_at_ms = clock.NowMs();
  issued.session.expires_at_ms = issued.session.created_at_ms + kSessionLifetimeMs;
  QUORUM_RETURN_IF_ERROR(store.CreateSession(issued.session));
  return issued;
}

}  // namespace quorum
