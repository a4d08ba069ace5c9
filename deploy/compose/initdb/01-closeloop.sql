-- Same databases and extension as deploy/local/infra.sh creates.
create extension if not exists vector;
create database closeloop_test owner closeloop;
\connect closeloop_test
create extension if not exists vector;
