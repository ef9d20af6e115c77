-- Chinese text, including characters outside the Basic Multilingual Plane such as 𠮷, needs a
-- UTF8 database. Any other encoding either rejects such characters or stores bytes unchecked.
DO $$
BEGIN
    IF current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'The hub database uses encoding %, but it must use UTF8 to store Chinese text.'
            ' Create it with CREATE DATABASE ... ENCODING ''UTF8'' TEMPLATE template0.',
            current_setting('server_encoding');
    END IF;
END
$$;
