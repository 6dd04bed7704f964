"""Staff and young people's accounts: sign in, passwords, user administration."""
