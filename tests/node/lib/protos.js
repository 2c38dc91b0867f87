'use strict';
// Loads the interop protos (tests/ActorTrading.Grpc.Interop/Protos) and the health and
// reflection protos (src/Protos) with @grpc/proto-loader, so client and server share them.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const repo = path.resolve(__dirname, '..', '..', '..');
const interopRoot = path.join(repo, 'tests', 'ActorTrading.Grpc.Interop', 'Protos');
const sharedRoot = path.join(repo, 'src', 'Protos');

const options = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };

function load(file, includeDir) {
  const definition = protoLoader.loadSync(file, { ...options, includeDirs: [includeDir] });
  return { definition, package: grpc.loadPackageDefinition(definition) };
}

const testing = load('grpc/testing/test.proto', interopRoot);
const health = load('grpc/health/v1/health.proto', sharedRoot);
const reflectionV1 = load('grpc/reflection/v1/reflection.proto', sharedRoot);
const reflectionV1alpha = load('grpc/reflection/v1alpha/reflection.proto', sharedRoot);

module.exports = {
  grpc,
  interopRoot,
  testingDefinition: testing.definition,
  healthDefinition: health.definition,
  reflectionDefinitions: { ...reflectionV1.definition, ...reflectionV1alpha.definition },
  TestService: testing.package.grpc.testing.TestService,
  UnimplementedService: testing.package.grpc.testing.UnimplementedService,
  Health: health.package.grpc.health.v1.Health,
  ReflectionV1: reflectionV1.package.grpc.reflection.v1.ServerReflection,
  ReflectionV1alpha: reflectionV1alpha.package.grpc.reflection.v1alpha.ServerReflection,
};
