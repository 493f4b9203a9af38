# Two commands do all the set-up on a fresh machine (Node 20+ with npm):
#   make start   installs what is missing and runs the portal (:3000 and :7007)
#   make start-next  the same with the new-frontend-system app (:3001 and :7007)
#   make test    installs what is missing and runs the whole test suite
# With Node 22 or 24 and yarn already there, `yarn install && yarn start` and
# `yarn test` work as in any Backstage repository.

.PHONY: start start-next test install

install:
	scripts/run.sh yarn install --immutable

start: install
	scripts/run.sh yarn start

start-next: install
	scripts/run.sh yarn start:next

test:
	scripts/test-all.sh
