// The sample's script: fetch() a protected JSON resource. Logged in: 200 and the user. Not logged in: Passerine
// answers a script with 401 and `WWW-Authenticate: OAuth2-Login realm="/sample", login_uri="/sample/oauth2/login"`,
// never with a redirect to X (which a script could not follow: an opaque CORS failure). The page then offers a
// "log in" link: a top-level navigation to the login_uri, coming back to this page.
(async () => {
  const out = document.getElementById('whoami');
  let res;
  try {
    res = await fetch('me', { headers: { Accept: 'application/json' } });
  } catch (e) {
    out.textContent = 'fetch("me") failed: ' + e;
    return;
  }
  if (res.ok) {
    const me = await res.json();
    out.textContent = 'fetch("me") says: logged in as @' + me.username + '.';
    out.dataset.username = me.username;
    return;
  }
  if (res.status === 401) {
    const challenge = res.headers.get('WWW-Authenticate') || '';
    const loginUri = (/login_uri="([^"]+)"/.exec(challenge) || [])[1] || 'oauth2/login';
    const link = document.createElement('a');
    link.id = 'fetch-login';
    link.href = loginUri + '?return=' + encodeURIComponent(location.pathname);
    link.textContent = 'log in';
    out.textContent = 'fetch("me") got a 401 (' + challenge.split(' ')[0] + '): you are not logged in — ';
    out.append(link);
    return;
  }
  out.textContent = 'fetch("me") answered ' + res.status + '.';
})();
